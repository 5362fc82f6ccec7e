using RecLab.Data.Synthetic;

namespace RecLab.Simulation.Campaigns;

/// <summary>
/// A campaign's target audience by demographics: age bands, genders and regions (indices into
/// <see cref="Demographics"/>); an empty list accepts everyone on that attribute.
/// </summary>
public sealed record AudienceSegment
{
    /// <summary>Everyone.</summary>
    public static AudienceSegment Everyone { get; } = new();

    /// <summary>Accepted age bands (<see cref="Demographics.AgeBands"/> indices); empty: all.</summary>
    public IReadOnlyList<int> AgeBands { get; init; } = [];

    /// <summary>Accepted genders (<see cref="Demographics.Genders"/> indices); empty: all.</summary>
    public IReadOnlyList<int> Genders { get; init; } = [];

    /// <summary>Accepted regions (<see cref="Demographics.Regions"/> indices); empty: all.</summary>
    public IReadOnlyList<int> Regions { get; init; } = [];

    /// <summary>Whether <paramref name="user"/> of <paramref name="users"/> is in the segment.</summary>
    public bool Contains(WorldUsers users, int user) =>
        Accepts(AgeBands, users.AgeBand(user)) && Accepts(Genders, users.Gender(user)) && Accepts(Regions, users.Region(user));

    /// <summary>
    /// Parses <c>age=18-24+25-34;gender=female;region=...</c> (names from <see cref="Demographics"/>, alternatives
    /// joined by <c>+</c>); an empty text or <c>everyone</c> is everyone.
    /// </summary>
    /// <exception cref="FormatException">An unknown attribute or value, with the known ones.</exception>
    public static AudienceSegment Parse(string text)
    {
        var segment = Everyone;
        if (string.IsNullOrWhiteSpace(text) || text.Trim() == "everyone")
            return segment;
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=');
            var key = eq < 0 ? part : part[..eq].Trim();
            var values = eq < 0 ? [] : part[(eq + 1)..].Split('+', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            segment = key switch
            {
                "age" => segment with { AgeBands = Indices(key, values, Demographics.AgeBands) },
                "gender" => segment with { Genders = Indices(key, values, Demographics.Genders) },
                "region" => segment with { Regions = Indices(key, values, Demographics.Regions) },
                _ => throw new FormatException($"Unknown audience attribute '{key}' in '{text}': use age, gender or region, e.g. age=18-24+25-34;gender=female."),
            };
        }
        return segment;
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        var parts = new List<string>();
        if (AgeBands.Count > 0)
            parts.Add("age=" + string.Join('+', AgeBands.Select(a => Demographics.AgeBands[a])));
        if (Genders.Count > 0)
            parts.Add("gender=" + string.Join('+', Genders.Select(g => Demographics.Genders[g])));
        if (Regions.Count > 0)
            parts.Add("region=" + string.Join('+', Regions.Select(r => Demographics.Regions[r])));
        return parts.Count == 0 ? "everyone" : string.Join(';', parts);
    }

    private static bool Accepts(IReadOnlyList<int> accepted, int value)
    {
        if (accepted.Count == 0)
            return true;
        for (var k = 0; k < accepted.Count; k++)
            if (accepted[k] == value)
                return true;
        return false;
    }

    private static int[] Indices(string key, string[] values, IReadOnlyList<string> known)
    {
        if (values.Length == 0)
            throw new FormatException($"Audience attribute '{key}' has no value: give one or more of {string.Join(", ", known)} joined by '+'.");
        return [.. values.Select(v =>
        {
            for (var k = 0; k < known.Count; k++)
                if (string.Equals(known[k], v, StringComparison.OrdinalIgnoreCase))
                    return k;
            throw new FormatException($"Unknown {key} '{v}': one of {string.Join(", ", known)}.");
        })];
    }
}
