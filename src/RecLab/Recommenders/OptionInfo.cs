namespace RecLab.Recommenders;

/// <summary>One hyper-parameter of an algorithm, for listings and schema pages.</summary>
/// <param name="Name">Property name in the options record (YAML and <c>--algo</c> accept it case-insensitively, also snake_case).</param>
/// <param name="Type">Readable type: int, float, bool, or the allowed enum values.</param>
/// <param name="Default">The default value, formatted invariantly.</param>
/// <param name="Description">The property's XML summary.</param>
public sealed record OptionInfo(string Name, string Type, string Default, string? Description);
