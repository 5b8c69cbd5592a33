/// What a date-styled number shows, decided by its number format.
public enum DateKind: Sendable, Equatable {
    case date
    case dateTime
    case time
    /// An elapsed-time format (`[h]:mm:ss`, `[mm]:ss`, `[s]`): a duration in days, shown with hours
    /// unbounded and a sign, never as a time of day.
    case elapsed
}
