namespace RecLab.Experiments.Cells;

/// <summary>
/// A configuration key that joins a cell's identity (and the configuration hash) only when it is set (not null, false or an empty list): a key added to
/// the schema later then leaves the ids of every existing experiment file, and the results folders they named, as they were.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class OmittedWhenDefaultAttribute : Attribute;
