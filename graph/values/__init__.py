"""Value types normalised in one place: text keys, document symbols, dates, periods."""
