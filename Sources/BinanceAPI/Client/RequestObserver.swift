/// Watches every request the client sends; the session log is one.
///
/// ``willSend(_:attempt:)`` is called before the request leaves the process and may throw to
/// stop it (a log that cannot be written must not let a request go unrecorded).
public protocol RequestObserver: Sendable {
    /// Called before `request` is handed to the transport.
    func willSend(_ request: PreparedRequest, attempt: Int) throws
    /// Called with the response, whatever its status.
    func didReceive(_ response: TransportResponse, for request: PreparedRequest, latency: Duration)
    /// Called when no response arrived.
    func didFail(_ error: TransportError, for request: PreparedRequest, latency: Duration)
}
