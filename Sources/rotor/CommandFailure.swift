/// An error that ends the command with one line on stderr and an exit status:
/// 2 for bad usage, configuration or data, 1 for a failure at run time.
struct CommandFailure: Error {
    let message: String
    let status: Int32

    static func usage(_ message: String) -> CommandFailure { CommandFailure(message: message, status: 2) }
    static func runtime(_ message: String) -> CommandFailure { CommandFailure(message: message, status: 1) }
}
