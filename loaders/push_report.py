"""What a push to another database did, document by document (shared by the Neo4j and Graph Store sinks)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class PushReport:
    """Documents written, unchanged, failed (with the reason) and not attempted; sinks add their own counts."""

    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    not_attempted: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed and not self.not_attempted

    def _more_counts(self) -> str:
        """Counts a sink adds after 'unchanged' (e.g. ', 2 deleted')."""
        return ""

    def _volume(self) -> str:
        """What was sent, in the sink's own units."""
        return ""

    def summary(self) -> str:
        """One line: counts, then what failed and what was still written."""
        line = (
            f"{len(self.written)} document(s) written, {len(self.unchanged)} unchanged{self._more_counts()}, "
            f"{len(self.failed)} failed, {len(self.not_attempted)} not attempted ({self._volume()})"
        )
        if self.failed:
            key, reason = self.failed[0]
            line += f"; failed: {key}: {reason}"
            if len(self.failed) > 1:
                line += f" (and {len(self.failed) - 1} more)"
        if not self.ok and self.written:
            line += f"; written: {', '.join(self.written)}"
        return line
