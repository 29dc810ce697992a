import KaishuCore
import PostgresNIO

/// Change hints over LISTEN/NOTIFY: every insert or update of a case row (a write, a claim, a
/// release, a re-rank) sends the case id on `kaishu_cases` when its transaction commits.
///
/// Usage (the workbench):
///
///     for await id in store.caseChanges() where visibleIDs.contains(id) { requery() }
///
/// The stream holds one pooled connection while iterated. If that connection drops, the stream
/// listens again after a back-off (1 s doubling to 30 s) and keeps going; notifications sent in
/// between are lost, which is why screens also re-query on a slow poll. It ends when the consumer
/// stops iterating (the listening task is cancelled) or the store shuts down.
extension PostgresCaseStore: CaseChangeFeed {
    public func caseChanges() -> AsyncStream<Int64> {
        let (stream, continuation) = AsyncStream.makeStream(of: Int64.self, bufferingPolicy: .bufferingNewest(1024))
        let client = self.client
        let logger = self.logger
        let task = Task {
            var backoff: Duration = .seconds(1)
            while !Task.isCancelled {
                do {
                    try await client.withConnection { connection in
                        try await connection.listen(on: TeamSchema.notifyChannel) { notifications in
                            backoff = .seconds(1)
                            for try await notification in notifications {
                                if let id = Int64(notification.payload) { continuation.yield(id) }
                            }
                        }
                    }
                } catch {
                    logger.debug("listen on \(TeamSchema.notifyChannel) ended: \(error)")
                }
                if Task.isCancelled { break }
                try? await Task.sleep(for: backoff)
                backoff = min(backoff * 2, .seconds(30))
            }
            continuation.finish()
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }
}
