using System.Text.Json.Serialization;

namespace RecLab.Experiments.Execution;

/// <summary>What the manifest records about a prepared dataset.</summary>
/// <param name="Name">Dataset name.</param>
/// <param name="Source">Its source or CSV path as configured.</param>
/// <param name="Sha256">SHA-256 of the prepared interactions (external ids, values, timestamps in canonical order).</param>
/// <param name="Users">Users with interactions.</param>
/// <param name="Items">Items with interactions.</param>
/// <param name="Interactions">Interactions.</param>
/// <param name="Kind">explicit or implicit.</param>
/// <param name="SkippedLines">Malformed lines skipped (<c>skip_bad_lines: true</c>); written only when there were some.</param>
/// <param name="Skipped">The first of them, each <c>file:line:column: problem</c>.</param>
public sealed record DatasetFacts(string Name, string Source, string Sha256, int Users, int Items, int Interactions, string Kind,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] long SkippedLines = 0,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Skipped = null);
