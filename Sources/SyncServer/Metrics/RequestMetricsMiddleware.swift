import Hummingbird

/// Counts every request by route template, method and status, and records its duration.
///
/// Placed outside `ErrorMiddleware`, it sees the status the client gets; a request that matched
/// no route is labelled `NotFound` (Hummingbird's name), so that a scanner's paths never become labels.
struct RequestMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Where the numbers go.
    let metrics: ServerMetrics
    /// The clock that times requests.
    let clock: ContinuousClock = ContinuousClock()

    /// Runs the rest of the chain and records its answer.
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let start = clock.now
        let method = request.method.rawValue
        do {
            let response = try await next(request, context)
            metrics.recordRequest(
                route: context.endpointPath ?? "NotFound", method: method, status: response.status.code,
                duration: start.duration(to: clock.now))
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            metrics.recordRequest(
                route: context.endpointPath ?? "NotFound", method: method, status: status,
                duration: start.duration(to: clock.now))
            throw error
        }
    }
}
