/// The epoch state printed by the epoch commands.
struct EpochSummary: Codable {
    /// The current epoch.
    var epoch: String
    /// The retired epochs, newest first.
    var retired: [RetiredEpoch]
}
