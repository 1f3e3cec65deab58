import SyncModel

extension XLSXValue {
    /// The worksheet value of an export cell: timestamps as UTC date-times to whole seconds.
    public init(_ cell: ExportCell) {
        switch cell {
        case .empty: self = .empty
        case .text(let text): self = .text(text)
        case .number(let number): self = .number(number)
        case .date(let year, let month, let day): self = .date(year: year, month: month, day: day)
        case .timestamp(let time):
            let milliseconds = time.millisecondsSince1970
            let seconds = milliseconds >= 0 ? milliseconds / 1000 : (milliseconds - 999) / 1000
            self = .dateTime(secondsSince1970: seconds)
        }
    }
}
