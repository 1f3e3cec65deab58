/// An open `begin group` while an XLSForm is read: its heading and the relevance it passes on to its members.
struct XLSFormGroup: Sendable {
    /// The group's name, for messages.
    var name: String
    /// The group's label, shown as a heading before its questions.
    var label: String?
    /// The group's `relevant` condition, which every member must also satisfy.
    var relevant: String?
    /// Where the group begins, for messages.
    var place: SurveyPlace
}
