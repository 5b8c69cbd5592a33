import Foundation

/// Why the outputs could not be written where asked.
public struct OutputFolderError: Error, CustomStringConvertible, LocalizedError {
    public let message: String
    public var description: String { message }
    public var errorDescription: String? { message }
}
