/// `POST /v1/enrollments`: a trainer asks for a participant's one-time code.
struct EnrollmentRequest: Codable, Sendable {
    /// The participant's name.
    var participant: String
    /// The cohort; must be the trainer's own, which is the default.
    var cohort: String?
}
