/// Which records a device may read.
enum ReadScope: Hashable, Sendable {
    /// Everything of the cohort: a trainer.
    case cohort(String)
    /// The cohort's shared collections and the responses the participant owns.
    case participant(cohort: String, owner: String)
}
