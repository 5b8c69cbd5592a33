/// What a date-styled number shows, decided by its number format.
public enum DateKind: Sendable, Equatable {
    case date
    case dateTime
    case time
}
