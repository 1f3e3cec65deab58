/// The system gave no port on 127.0.0.1.
public struct LoopbackError: Error, CustomStringConvertible {
    /// What failed.
    public var description: String
}
