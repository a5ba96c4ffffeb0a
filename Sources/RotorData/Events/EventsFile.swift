public import RotorCore

/// Reads an events file: a CSV with the header `date,kind,label` and, optionally, a
/// `status` column (columns in any order):
///
/// ```
/// date,kind,label,status
/// 2024-07-31,FOMC,FOMC rate decision,
/// 2026-12-09,FOMC,FOMC rate decision,scheduled
/// ```
///
/// - `date`: an ISO date, `YYYY-MM-DD`.
/// - `kind`: `FOMC`, `CPI` or a user's own word (`EARNINGS`, `NFP`: letters, digits,
///   `_`, `-`, at most 16, any letter case, read upper-case).
/// - `label`: what the day is (at most `maxLabelLength` characters; empty: the kind).
/// - `status`: empty or `confirmed`, or `scheduled` for a date announced and not
///   yet confirmed.
///
/// Rows need not be sorted. One (date, kind) twice in a file is an error at the
/// second row naming the first (a copied row with a wrong date is the usual cause);
/// across files the first file's event is kept. Every fault names the file and line
/// with its text's control characters escaped; the file is read with the limits of
/// every user file (a regular file, at most `maxBytes`).
public enum EventsFile {
    /// The biggest events file read: decades of every US release fit in a tenth of it.
    public static let maxBytes = 1 << 20
    /// The most events one file may hold.
    public static let maxEvents = 20_000
    /// The longest label: it is written in a status bar.
    public static let maxLabelLength = 80

    /// The events of the file at `path`.
    public static func load(_ path: String) throws(DataError) -> [MarketEvent] {
        try parse(FileBytes.read(path, limit: maxBytes), name: path.escapingControlCharacters)
    }

    /// The events of every file, in order, as one calendar (the first file's event
    /// wins a (date, kind) two files share).
    public static func calendar(_ paths: [String]) throws(DataError) -> EventCalendar {
        var all: [MarketEvent] = []
        for path in paths { all += try load(path) }
        return EventCalendar(all)
    }

    public static func parse(text: String, name: String) throws(DataError) -> [MarketEvent] {
        try parse(Array(text.utf8), name: name)
    }

    /// Parses the bytes of an events file; `name` stands for the file in messages.
    public static func parse(_ bytes: [UInt8], name: String) throws(DataError) -> [MarketEvent] {
        try bytes.withUnsafeBufferPointer { (buffer) throws(DataError) -> [MarketEvent] in
            var scanner = CSVScanner(bytes: buffer, name: name)
            var fields = RawBuffer<CSVField>(capacity: 8)
            guard let headerLine = try scanner.next(&fields) else {
                throw DataError("\(name): empty file (expected the header date,kind,label)")
            }
            let columns = try Columns(header: (0..<fields.count).map { scanner.text(fields[$0]) }, name: name,
                                      line: headerLine)
            var events: [MarketEvent] = []
            var firstLine: [Pair: Int] = [:]
            while let line = try scanner.next(&fields) {
                let texts = (0..<fields.count).map { scanner.text(fields[$0]) }
                let event = try read(texts, columns, at: "\(name):\(line)")
                let pair = Pair(date: event.date, kind: event.kind)
                if let earlier = firstLine[pair] {
                    throw DataError("\(name):\(line): \(event.date.iso) \(event.kind) is already on line \(earlier); one row per date and kind")
                }
                firstLine[pair] = line
                events.append(event)
                guard events.count <= maxEvents else {
                    throw DataError("\(name):\(line): more than \(maxEvents) events in one file")
                }
            }
            return events
        }
    }

    private struct Pair: Hashable {
        var date: Day
        var kind: EventKind
    }

    /// Where each column is.
    private struct Columns {
        var date: Int, kind: Int, label: Int, status: Int?
        var count: Int

        init(header: [String], name: String, line: Int) throws(DataError) {
            let names = header.map { EventsFile.trimmed($0).lowercased() }
            var at: [String: Int] = [:]
            for (i, column) in names.enumerated() {
                guard ["date", "kind", "label", "status"].contains(column) else {
                    throw DataError("\(name):\(line): unknown column '\(EventsFile.trimmed(header[i]).escapingControlCharacters)' (the header is date,kind,label and optionally status)")
                }
                if at[column] != nil { throw DataError("\(name):\(line): column '\(column)' appears twice") }
                at[column] = i
            }
            guard let date = at["date"], let kind = at["kind"], let label = at["label"] else {
                let missing = ["date", "kind", "label"].filter { at[$0] == nil }.joined(separator: ", ")
                throw DataError("\(name):\(line): the header lacks \(missing) (expected date,kind,label)")
            }
            (self.date, self.kind, self.label, status, count) = (date, kind, label, at["status"], names.count)
        }
    }

    private static func read(_ texts: [String], _ c: Columns, at place: String) throws(DataError) -> MarketEvent {
        guard texts.count == c.count else {
            throw DataError("\(place): expected \(c.count) fields (as the header), got \(texts.count)")
        }
        let dateText = trimmed(texts[c.date])
        guard let date = isoDate(dateText) else {
            throw DataError("\(place): cannot read '\(dateText.escapingControlCharacters)' as a date (YYYY-MM-DD)")
        }
        let kindText = trimmed(texts[c.kind])
        guard !kindText.isEmpty else { throw DataError("\(place): the kind is empty (FOMC, CPI or your own word, e.g. EARNINGS)") }
        guard let kind = EventKind(kindText) else {
            throw DataError("\(place): '\(kindText.escapingControlCharacters)' is not a kind (a word of letters, digits, _ and -, at most \(EventKind.maxLength), e.g. FOMC, CPI, EARNINGS)")
        }
        var label = trimmed(texts[c.label])
        guard label.escapingControlCharacters == label else {
            throw DataError("\(place): the label '\(label.escapingControlCharacters)' contains a control character")
        }
        guard label.count <= maxLabelLength else {
            throw DataError("\(place): the label is longer than \(maxLabelLength) characters")
        }
        if label.isEmpty { label = kind.name }
        var scheduled = false
        if let s = c.status {
            switch trimmed(texts[s]).lowercased() {
            case "", "confirmed": scheduled = false
            case "scheduled": scheduled = true
            case let other:
                throw DataError("\(place): status '\(other.escapingControlCharacters)' is neither confirmed nor scheduled (or empty)")
            }
        }
        return MarketEvent(date: date, kind: kind, label: label, isScheduled: scheduled)
    }

    /// A strict ISO date: exactly `YYYY-MM-DD`, a day that exists.
    private static func isoDate(_ text: String) -> Day? {
        let b = Array(text.utf8)
        guard b.count == 10, b[4] == 0x2D, b[7] == 0x2D,
              b.indices.allSatisfy({ $0 == 4 || $0 == 7 || (0x30...0x39).contains(b[$0]) }) else { return nil }
        return Day(parsing: text)
    }

    fileprivate static func trimmed(_ s: String) -> String {
        String(s.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
