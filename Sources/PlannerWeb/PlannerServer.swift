import Foundation
import Hummingbird
import Logging

/// The coordinator's page as a server: binds to `hostname:port` and says where to open it.
public enum PlannerServer {
    public static func run(site: PlannerSite, hostname: String, port: Int, announce: @escaping @Sendable (String) -> Void) async throws {
        var logger = Logger(label: "placement-planner.serve")
        logger.logLevel = .warning
        let app = Application(
            router: PlannerRouter.build(site: site),
            configuration: .init(address: .hostname(hostname, port: port), serverName: "placement-planner"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? port
                announce("Open http://\(hostname.contains(":") ? "[\(hostname)]" : hostname):\(port)/ in your browser. Press Ctrl-C to stop.")
            },
            logger: logger)
        try await app.runService()
    }

    /// True for addresses only this computer can reach.
    public static func isLoopback(_ hostname: String) -> Bool {
        hostname == "localhost" || hostname == "::1" || hostname.hasPrefix("127.")
    }
}
