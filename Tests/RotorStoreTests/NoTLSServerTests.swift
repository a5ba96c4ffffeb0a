import Foundation
import PostgresNIO
import Testing
@testable import RotorStore

/// A server that does not offer TLS, as PostgreSQL built without it answers: the
/// client's SSLRequest gets `N`. With `tls = "require"` rotor hangs up and says why.
/// A stand-in on 127.0.0.1 (the real test server offers TLS).
@Suite struct NoTLSServerTests {
    /// Answers `N` to the 8-byte SSLRequest.
    final class RefuseTLS: ChannelInboundHandler, @unchecked Sendable {
        // @unchecked: used on its channel's event loop only.
        typealias InboundIn = ByteBuffer
        private var seen = 0

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let bytes = unwrapInboundIn(data)
            let before = seen
            seen += bytes.readableBytes
            if before < 8, seen >= 8 {
                context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: "N")), promise: nil)
            }
        }

        typealias OutboundOut = ByteBuffer
    }

    @Test func tlsRequiredIsRefusedClearlyByAServerWithoutIt() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let server = try await ServerBootstrap(group: group)
            .childChannelInitializer { channel in channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(RefuseTLS()) } }
            .bind(host: "127.0.0.1", port: 0).get()
        let port = try #require(server.localAddress?.port)
        let settings = try StoreSettings(url: "postgres://rotor@127.0.0.1:\(port)/db", passwordEnv: "PW", tls: "require",
                                         environment: ["PW": "not-to-be-sent"])
        let store = SharedStore(settings)
        await #expect {
            try await store.schemaVersion()
        } throws: { error in
            let text = "\(error)"
            return text == "postgres://rotor@127.0.0.1:\(port)/db: cannot connect: the server does not accept TLS, which [store] tls "
                + "requires (tls = \"disable\" connects without it: a trusted network only)"
        }
        try await server.close()
        try await group.shutdownGracefully()
    }
}
