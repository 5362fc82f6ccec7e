using RecLab.Data.Loading;

namespace RecLab.Data.Downloads;

/// <summary>A public dataset RecLab can download.</summary>
/// <param name="Name">Short name used on the command line and in YAML (e.g. <c>ml-100k</c>).</param>
/// <param name="Description">One line for <c>reclab data list</c>.</param>
/// <param name="FileName">The zip's file name on the server.</param>
/// <param name="Format">Its file layout once extracted.</param>
/// <param name="ApproximateMegabytes">Download size, for the listing.</param>
/// <param name="Licence">Terms of use, in a sentence.</param>
public sealed record KnownDataset(string Name, string Description, string FileName, DatasetFormat Format, int ApproximateMegabytes, string Licence);
