namespace RecLab.Experiments.Schema;

/// <summary>
/// A brand campaign in the sponsored slots of every arm of an A/B test, so that ROAS is measured: arms without a
/// <c>plan</c> show it to everyone at the platform's price; arms with one buy creators with the budget.
/// </summary>
public sealed record CampaignConfig
{
    /// <summary>The brand's topic, a world topic such as <c>fashion</c>: the campaign promotes that topic's best products.</summary>
    public required string Topic { get; init; }

    /// <summary>How many products the campaign promotes (each user's slot shows the one the arm scores highest).</summary>
    public int Products { get; init; } = 10;

    /// <summary>Slate position of the sponsored slot (0 = top).</summary>
    public int Position { get; init; } = 2;

    /// <summary>Most sponsored impressions per user and day.</summary>
    public int MaxPerUserPerDay { get; init; } = 3;

    /// <summary>The platform's price per thousand sponsored impressions, dollars, in arms without a plan.</summary>
    public double CostPerThousand { get; init; } = 8;

    /// <summary>Spend an influencer plan may expect over the test's days, dollars (arms with a plan).</summary>
    public double Budget { get; init; } = 100;

    /// <summary>Who influencer plans reach: <c>age=18-24+25-34;gender=female;region=...</c>, or <c>everyone</c>.</summary>
    public string Target { get; init; } = "everyone";
}
