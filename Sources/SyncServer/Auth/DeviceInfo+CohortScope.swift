extension DeviceInfo {
    /// The cohort a request of this device acts on: `named` when it is the device's own, the
    /// device's own when nil; nobody reads or writes across cohorts (403).
    func requireCohort(_ named: String?) throws -> String {
        guard let named, named != cohort else { return cohort }
        throw APIError.forbidden(
            "This device belongs to cohort '\(cohort)' and acts on its own cohort only; nobody reads or writes across cohorts.")
    }
}
