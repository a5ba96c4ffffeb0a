/// A fault in user-supplied data, worded for the person who has to fix the file:
/// it names the file and, where there is one, the line and column.
public struct DataError: Error, Equatable, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
