namespace RecLab.Data;

/// <summary>What to do when the same (user, item) pair appears more than once.</summary>
public enum DuplicatePolicy
{
    /// <summary>Keep the row with the latest timestamp; on equal (or no) timestamps, the one later in the input. The default.</summary>
    LastByTimestamp,

    /// <summary>Keep the row that comes last in the input.</summary>
    LastInInput,

    /// <summary>Keep the row that comes first in the input.</summary>
    FirstInInput,

    /// <summary>Add the values (implicit counts) and keep the latest timestamp.</summary>
    Sum,

    /// <summary>Refuse the input.</summary>
    Error,
}
