public import RotorCore
import Foundation

/// Reads a `--data` folder of CSV files (DESIGN.md, "Command line"):
/// - `NAME.csv` with one value column or an OHLC header gives symbol `NAME`;
/// - `NAME.csv` with several value columns (a wide file) gives universe `NAME`
///   (written `@NAME` in expressions), members in header order;
/// - a subfolder `NAME/` of per-member CSV files gives universe `NAME`, one member per
///   file named by its file name without `.csv`, members sorted by name. Subfolders
///   are not searched deeper.
///
/// The extension `.csv` matches in any case. Hidden entries and other files (a
/// README) are ignored; a CSV file whose name is not a valid symbol
/// (`[A-Za-z][A-Za-z0-9._-]*`, e.g. `^VIX.csv`) is skipped with a warning, and so is
/// a `.csv` entry that is not a regular file once links are followed (a FIFO, which
/// would block, or a link to `/dev/zero`, which never ends). The folder
/// is read in sorted order, so results and the first error reported are
/// deterministic.
public enum DataFolder {
    public static func load(_ path: String, options: ImportOptions = ImportOptions()) throws(DataError) -> MarketData {
        try loadReport(path, options: options).data
    }

    /// `load`, plus one line per entry that was skipped (a CSV file or folder whose
    /// name is not a valid symbol, a `.csv` that is a FIFO or a device, a folder
    /// inside a universe folder, a universe folder without CSV files), each starting
    /// with the path of that entry.
    public static func loadReport(_ path: String, options: ImportOptions = ImportOptions())
        throws(DataError) -> (data: MarketData, warnings: [String]) {
        switch kind(path) {
        case .missing: throw DataError("no such folder: \(path)")
        case .file, .special: throw DataError("not a folder: \(path)")
        case .folder: break
        }
        // 1. Walk the folder (sorted, one level into subfolders) into a plan.
        var plan: [Step] = []
        var jobs: [String] = [] // CSV files to read, by job number
        var skippedNames: [String] = []
        for entry in try listing(path) {
            let full = join(path, entry)
            if kind(full) == .folder {
                guard isValidName(entry) else {
                    plan.append(.warning("\(full): skipped: \(invalidNameReason(entry))"))
                    continue
                }
                plan.append(.beginUniverse(name: entry, path: full))
                var memberFiles: [String: String] = [:]
                for file in try listing(full) {
                    let memberPath = join(full, file)
                    if kind(memberPath) == .folder {
                        plan.append(.warning("\(memberPath): skipped: folders inside a universe folder are not read"))
                        continue
                    }
                    guard let stem = csvStem(file) else { continue }
                    if case .special(let what) = kind(memberPath) {
                        plan.append(.warning("\(memberPath): skipped: \(RegularFile.notRegular(what))"))
                        continue
                    }
                    guard isValidName(stem) else {
                        plan.append(.warning("\(memberPath): skipped: \(invalidNameReason(stem))"))
                        continue
                    }
                    if let earlier = memberFiles[stem] {
                        plan.append(.fail(DataError("\(full): member \(stem) is given by both \(earlier) and \(file)")))
                        continue
                    }
                    memberFiles[stem] = file
                    plan.append(.member(name: stem, path: memberPath, job: jobs.count))
                    jobs.append(memberPath)
                }
                plan.append(.endUniverse)
            } else if let stem = csvStem(entry) {
                guard isValidName(stem) else {
                    plan.append(.warning("\(full): skipped: \(invalidNameReason(stem))"))
                    skippedNames.append(entry)
                    continue
                }
                if case .special(let what) = kind(full) {
                    plan.append(.warning("\(full): skipped: \(RegularFile.notRegular(what))"))
                    continue
                }
                plan.append(.file(entry: entry, name: stem, job: jobs.count))
                jobs.append(full)
            }
        }

        // 2. Read every file, in parallel: files are independent.
        let results = readAll(jobs, options: options)

        // 3. Assemble in folder order, so the first error reported is the first in
        //    that order, whatever finished first.
        var symbols: [String: Series] = [:]
        var universes: [String: Universe] = [:]
        var sources: [String: String] = [:] // "symbol X" / "universe X" -> entry that gave it
        var warnings: [String] = []
        var universe: (name: String, path: String, members: [(name: String, series: Series)])?

        func claim(_ key: String, _ entry: String) throws(DataError) {
            if let earlier = sources[key] {
                throw DataError("\(path): \(key) is given by both \(earlier) and \(entry)")
            }
            sources[key] = entry
        }

        for step in plan {
            switch step {
            case .warning(let text):
                warnings.append(text)
            case .fail(let error):
                throw error
            case let .file(entry, name, job):
                switch try results[job].get() {
                case .series(let series):
                    try claim("symbol \(name)", entry)
                    symbols[name] = series
                case .wide(let members):
                    try claim("universe \(name)", entry)
                    universes[name] = Universe(name: name, members: members)
                }
            case let .beginUniverse(name, folder):
                universe = (name, folder, [])
            case let .member(name, memberPath, job):
                switch try results[job].get() {
                case .series(let series):
                    universe?.members.append((name, series))
                case .wide(let columns):
                    throw DataError("\(memberPath): a file in a universe folder must hold one series "
                                    + "(a Close column or a single value column), found \(columns.count) value columns")
                }
            case .endUniverse:
                guard var u = universe else { break }
                universe = nil
                guard !u.members.isEmpty else {
                    warnings.append("\(u.path): skipped: no CSV files in this universe folder")
                    break
                }
                u.members.sort { $0.name < $1.name }
                try claim("universe \(u.name)", u.name + "/")
                universes[u.name] = Universe(name: u.name, members: u.members)
            }
        }
        if symbols.isEmpty && universes.isEmpty {
            if skippedNames.isEmpty { throw DataError("\(path): no CSV files found") }
            throw DataError("\(path): no CSV files found with a usable name (skipped: "
                            + skippedNames.joined(separator: ", ") + "; a name must be a letter, then letters, digits, \".\", \"_\" or \"-\")")
        }
        return (MarketData(symbols: symbols, universes: universes), warnings)
    }

    private enum Step {
        case warning(String)
        case fail(DataError)
        case file(entry: String, name: String, job: Int)
        case beginUniverse(name: String, path: String)
        case member(name: String, path: String, job: Int)
        case endUniverse
    }

    /// Reads `paths` on all cores; results in the order of `paths`.
    private static func readAll(_ paths: [String], options: ImportOptions) -> [Result<CSVContent, DataError>] {
        guard paths.count > 1 else {
            return paths.map { path in Result { () throws(DataError) in try CSVImporter.read(path: path, options: options) } }
        }
        let results = UnsafeMutableBufferPointer<Result<CSVContent, DataError>>.allocate(capacity: paths.count)
        defer { results.deallocate() }
        nonisolated(unsafe) let slots = results
        DispatchQueue.concurrentPerform(iterations: paths.count) { k in
            // Each iteration initializes its own slot and nothing else.
            (slots.baseAddress! + k).initialize(to: Result { () throws(DataError) in
                try CSVImporter.read(path: paths[k], options: options)
            })
        }
        let array = Array(results)
        _ = results.deinitialize()
        return array
    }

    /// `NAME` of `NAME.csv` (extension in any case), or nil for other files.
    static func csvStem(_ file: String) -> String? {
        guard !file.hasPrefix("."), file.utf8.count > 4, file.lowercased().hasSuffix(".csv") else { return nil }
        return String(file.dropLast(4))
    }

    /// `[A-Za-z][A-Za-z0-9._-]*`
    static func isValidName(_ name: String) -> Bool {
        let u = Array(name.utf8)
        func letter(_ c: UInt8) -> Bool { (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) }
        guard let first = u.first, letter(first) else { return false }
        return u.allSatisfy { letter($0) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x5F || $0 == 0x2D }
    }

    private static func invalidNameReason(_ name: String) -> String {
        "\"\(name)\" is not a valid symbol name (a letter, then letters, digits, \".\", \"_\" or \"-\")"
    }

    private static func join(_ folder: String, _ entry: String) -> String {
        folder.hasSuffix("/") ? folder + entry : folder + "/" + entry
    }

    private enum Kind: Equatable {
        case missing, file, folder
        /// A FIFO, a device or a socket ("a FIFO"): never read.
        case special(String)
    }

    /// What `path` is, following symbolic links (`stat`, not `lstat`: a link to
    /// `/dev/zero` is a device).
    private static func kind(_ path: String) -> Kind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        if (info.st_mode & S_IFMT) == S_IFDIR { return .folder }
        return RegularFile.specialKind(UInt32(info.st_mode)).map(Kind.special) ?? .file
    }

    /// The names in a folder, hidden ones left out, sorted.
    private static func listing(_ path: String) throws(DataError) -> [String] {
        guard let dir = opendir(path) else {
            throw DataError("\(path): cannot read folder (\(String(cString: strerror(errno))))")
        }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            if !name.hasPrefix(".") { names.append(name) }
        }
        return names.sorted()
    }
}
