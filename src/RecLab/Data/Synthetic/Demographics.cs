namespace RecLab.Data.Synthetic;

/// <summary>The demographic categories of synthetic users and their population shares.</summary>
public static class Demographics
{
    /// <summary>Age band labels, youngest first.</summary>
    public static IReadOnlyList<string> AgeBands { get; } = ["13-17", "18-24", "25-34", "35-44", "45-54", "55+"];

    /// <summary>Population share of each age band.</summary>
    public static IReadOnlyList<float> AgeShares { get; } = [0.08f, 0.27f, 0.27f, 0.18f, 0.12f, 0.08f];

    /// <summary>Age of each band on a standardized scale (about -1.2 to 1.4), used with <see cref="Topic.AgeLean"/>.</summary>
    public static IReadOnlyList<float> AgeScores { get; } = [-1.2f, -0.7f, -0.1f, 0.4f, 0.9f, 1.4f];

    /// <summary>Gender labels.</summary>
    public static IReadOnlyList<string> Genders { get; } = ["female", "male", "nonbinary"];

    /// <summary>Population share of each gender.</summary>
    public static IReadOnlyList<float> GenderShares { get; } = [0.50f, 0.47f, 0.03f];

    /// <summary>Sign of each gender on <see cref="Topic.GenderLean"/> (female +1, male -1, nonbinary 0).</summary>
    public static IReadOnlyList<float> GenderSigns { get; } = [1f, -1f, 0f];

    /// <summary>Region labels.</summary>
    public static IReadOnlyList<string> Regions { get; } =
        ["north-america", "latin-america", "europe", "africa", "middle-east", "south-asia", "east-asia", "oceania"];

    /// <summary>Population share of each region.</summary>
    public static IReadOnlyList<float> RegionShares { get; } = [0.20f, 0.12f, 0.22f, 0.08f, 0.06f, 0.14f, 0.14f, 0.04f];
}
