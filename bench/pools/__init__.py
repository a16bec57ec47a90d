"""Text pools of the genre: documents plans cite, topics, and the sentences plans are made of."""
