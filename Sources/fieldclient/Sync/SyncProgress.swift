/// Receives progress while a sync runs, e.g. to draw a progress bar.
protocol SyncProgress: Sendable {
    /// `done` of `total` pending records were pushed.
    func pushed(_ done: Int, of total: Int)
    /// `count` records were pulled so far.
    func pulled(_ count: Int)
    /// The sync ended, successfully or not; clear any drawing.
    func finish()
}

/// Progress that shows nothing, e.g. on a pipe or in tests.
struct SilentProgress: SyncProgress {
    /// Ignores progress.
    func pushed(_ done: Int, of total: Int) {}
    /// Ignores progress.
    func pulled(_ count: Int) {}
    /// Ignores the end.
    func finish() {}
}
