import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An HTTP/1.1 server on 127.0.0.1 for the feed tests: it answers every request
/// with what `handler` says for its path (status, headers, body, a delay, or a body
/// cut short), one connection at a time per thread, and records the paths asked for.
/// It never listens on anything but the loopback address, and stops with `stop()`.
public final class LocalHTTPServer: @unchecked Sendable {
    public struct Reply: Sendable {
        public var status: Int
        public var headers: [String: String]
        public var body: [UInt8]
        /// Seconds to wait before answering (to provoke a timeout).
        public var delay: Double
        /// Send only this many bytes of the body, then close (truncated responses).
        public var cutAfter: Int?
        /// How the body is sent, for the hostile servers of the deadline tests.
        public var pacing: Pacing

        public enum Pacing: Sendable {
            /// All at once.
            case whole
            /// The headers and this many bytes of the body, then nothing until the
            /// client hangs up (a server that stalls mid-answer).
            case stall(afterBytes: Int)
            /// One byte every `interval` seconds until the body is sent or the client
            /// hangs up (a server that drips).
            case drip(interval: Double)
        }

        public init(status: Int = 200, headers: [String: String] = [:], body: [UInt8] = [], delay: Double = 0,
                    cutAfter: Int? = nil, pacing: Pacing = .whole) {
            self.status = status
            self.headers = headers
            self.body = body
            self.delay = delay
            self.cutAfter = cutAfter
            self.pacing = pacing
        }

        public init(status: Int = 200, headers: [String: String] = [:], text: String, delay: Double = 0,
                    cutAfter: Int? = nil, pacing: Pacing = .whole) {
            self.init(status: status, headers: headers, body: Array(text.utf8), delay: delay, cutAfter: cutAfter,
                      pacing: pacing)
        }
    }

    public let port: UInt16
    public var baseURL: String { "http://127.0.0.1:\(port)" }
    private let socket: Int32
    private let handler: @Sendable (String) -> Reply
    private let lock = NSLock()
    private var paths: [String] = []
    private var stopped = false

    public init(handler: @escaping @Sendable (String) -> Reply) throws {
        self.handler = handler
        let fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 64) == 0 else {
            close(fd)
            throw POSIXError(.EADDRINUSE)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        port = UInt16(bigEndian: address.sin_port)
        socket = fd
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    deinit { stop() }

    /// The paths (with query) asked for so far, in order.
    public var requests: [String] {
        lock.lock()
        defer { lock.unlock() }
        return paths
    }

    public func stop() {
        lock.lock()
        let wasStopped = stopped
        stopped = true
        lock.unlock()
        guard !wasStopped else { return }
        // Wakes the accept loop, which closes the socket: closing it here could free
        // its number for another server's socket while the loop is about to accept,
        // and the loop would then answer that server's requests.
        shutdown(socket, Int32(SHUT_RDWR))
    }

    private var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    private func acceptLoop() {
        defer { close(socket) }
        while !isStopped {
            let client = accept(socket, nil, nil)
            if client < 0 {
                usleep(1000) // out of descriptors, say: do not spin while they free up
                continue
            }
            let thread = Thread { [self] in serve(client) }
            thread.start()
        }
    }

    private func serve(_ client: Int32) {
        defer { close(client) }
        var request: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !request.containsHeaderEnd {
            let n = read(client, &buffer, buffer.count)
            guard n > 0 else { return }
            request += buffer[0..<n]
            if request.count > 65_536 { return }
        }
        let line = String(decoding: request.prefix { $0 != 0x0D && $0 != 0x0A }, as: UTF8.self)
        let parts = line.split(separator: " ")
        let path = parts.count >= 2 ? String(parts[1]) : "/"
        lock.lock()
        paths.append(path)
        lock.unlock()
        let reply = handler(path)
        if reply.delay > 0 { Thread.sleep(forTimeInterval: reply.delay) }
        var head = "HTTP/1.1 \(reply.status) \(LocalHTTPServer.reason(reply.status))\r\n"
        head += "Content-Length: \(reply.body.count)\r\nConnection: close\r\n"
        for (name, value) in reply.headers { head += "\(name): \(value)\r\n" }
        head += "\r\n"
        let body = reply.cutAfter.map { Array(reply.body.prefix($0)) } ?? reply.body
        switch reply.pacing {
        case .whole:
            _ = sendAll(client, Array(head.utf8) + body)
        case let .stall(afterBytes):
            guard sendAll(client, Array(head.utf8) + body.prefix(afterBytes)) else { return }
            waitForHangUp(client)
        case let .drip(interval):
            guard sendAll(client, Array(head.utf8)) else { return }
            for byte in body {
                Thread.sleep(forTimeInterval: interval)
                guard sendAll(client, [byte]) else { return }
            }
        }
    }

    /// False when the client has gone.
    private func sendAll(_ client: Int32, _ bytes: [UInt8]) -> Bool {
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { return false }
            sent += n
        }
        return true
    }

    /// Blocks until the client closes the connection (or 60 s, so a test that fails
    /// never leaves a thread behind for long).
    private func waitForHangUp(_ client: Int32) {
        var poller = pollfd(fd: client, events: Int16(POLLIN), revents: 0)
        var scratch = [UInt8](repeating: 0, count: 512)
        let end = Date().addingTimeInterval(60)
        while Date() < end {
            guard poll(&poller, 1, 1000) >= 0 else { return }
            if poller.revents != 0 {
                if read(client, &scratch, scratch.count) <= 0 { return }
            }
        }
    }

    static func reason(_ status: Int) -> String {
        [200: "OK", 301: "Moved Permanently", 302: "Found", 307: "Temporary Redirect", 400: "Bad Request", 404: "Not Found", 429: "Too Many Requests", 500: "Internal Server Error",
         503: "Service Unavailable"][status] ?? "Status"
    }

    /// A port on 127.0.0.1 where nothing listens (for "connection refused"): bound,
    /// then closed. (Another test's server may take it later; tests that need it
    /// closed connect at once.)
    public static func closedPort() -> UInt16 {
        let fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return 9 }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        return named ? UInt16(bigEndian: address.sin_port) : 9
    }
}

private extension [UInt8] {
    var containsHeaderEnd: Bool {
        guard count >= 4 else { return false }
        for i in 0...(count - 4) where self[i] == 0x0D && self[i + 1] == 0x0A && self[i + 2] == 0x0D && self[i + 3] == 0x0A {
            return true
        }
        return false
    }
}
