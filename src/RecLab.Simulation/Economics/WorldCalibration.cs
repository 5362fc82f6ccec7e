using RecLab.Data.Synthetic;
using RecLab.Simulation.Campaigns;

namespace RecLab.Simulation.Economics;

/// <summary>
/// Measures a world's funnel against the ranges industry benchmarks report for a social/creator platform with
/// shopping: organic feed CTR, sponsored CTR (below organic), product-click ("shop session") conversion, click-to-purchase
/// of ads, average order value, creator fees and platform CPM, and campaign ROAS.
/// </summary>
/// <remarks>
/// Organic figures come from the historical log. Sponsored figures are the <see cref="CampaignPlanner"/>'s forecast
/// (expected values from the ground truth, fatigue included) of a reference campaign as the simulator runs it: a brand's
/// ten best products of one topic (fashion when the world has it), in rotation, in slot 3 of the feed, for everyone,
/// at most three a user-day for 14 days, at the platform's $8 CPM. Expected values rather than a simulated sample, so
/// that a 500-user world, with a handful of sponsored purchases, is judged on its model and not on its luck.
/// </remarks>
public static class WorldCalibration
{
    /// <summary>The reference campaign's platform price per thousand sponsored impressions, dollars.</summary>
    public const double PlatformCpm = 8;

    private static readonly CalibrationSource PostIt = new("PostIt", "Click-through rate (CTR), glossary", "2025",
        "https://trypost.it/en/glossary/ctr", "organic link posts: LinkedIn 0.4–0.8%, Facebook 0.9%, X 1–3% of impressions clicked");
    private static readonly CalibrationSource WordStream = new("WordStream (M. Irvine), reported by L. Kim",
        "Facebook Advertising Benchmarks for 18 industries", "2017",
        "https://medium.com/marketing-and-entrepreneurship/heres-how-to-tell-if-your-company-s-ad-is-beating-competitors-on-facebook-ecc536d4160b",
        "ad CTR 0.90% over all industries, 0.47% (employment) to 1.61% (legal), retail 1.59%, apparel 1.24%; conversion rate 9.21% of clicks");
    private static readonly CalibrationSource Superads = new("Superads", "Facebook Ads CTR benchmarks (USD 3B of ad data)", "2025",
        "https://www.superads.ai/facebook-ads-costs/ctr-click-through-rate/marketing-advertising", "global Facebook ad CTR 1.82% averaged over Nov 2024 – Nov 2025");
    private static readonly CalibrationSource Frontiers = new("Frontiers in Psychology 16:1636910",
        "Blending in or standing out? The disclosure dilemma of ad cues of social media native advertising", "2025",
        "https://www.frontiersin.org/journals/psychology/articles/10.3389/fpsyg.2025.1636910/full",
        "eye-tracking on Instagram-like feeds: sponsored posts got significantly less dwell time and fewer fixations than organic posts");
    private static readonly CalibrationSource Monetate = new("Monetate, reported by VWO", "eCommerce Conversion Rate Benchmarks", "2019",
        "https://vwo.com/blog/ecommerce-conversion-rate/", "e-commerce sessions convert 1%–4% (global 2.58%, Q2 2019)");
    private static readonly CalibrationSource SocialChannel = new("VWO, reported by Alavi", "eCommerce conversion rate by channel", "2019",
        "https://alaviai.webflow.io/blog/the-e-commerce-benchmarks-you-should-know-part-1",
        "sessions from social convert 0.74% on average (top quarter 1.66%), from Facebook 0.93% (top quarter 2.08%)");
    private static readonly CalibrationSource Kibo = new("Kibo Commerce", "E-commerce benchmarks, Q4 2020", "2020",
        "https://alaviai.webflow.io/blog/the-e-commerce-benchmarks-you-should-know-part-1",
        "average order value $82.38 from social traffic, $100–115 from direct, e-mail and search; $93 on mobile");
    private static readonly CalibrationSource MonetateAov = new("Monetate and Littledata, reported by Wonder", "E-commerce benchmarks", "2018",
        "https://askwonder.com/research/e-commerce-benchmarks-ado4t86ud", "global average order value $110.32 (Q1 2018); US $97.15, UK $118.18");
    private static readonly CalibrationSource InfluencerHero = new("Influencer Hero", "Influencer CPM", "2024",
        "https://influencer-hero.com/blogs/influencer-cpm", "influencer CPM: Instagram $5–15, TikTok $3–10, YouTube $10–30");
    private static readonly CalibrationSource InBeat = new("inBeat", "Average CPM for influencer marketing", "2025",
        "https://www.inbeat.co/articles/average-cpm-for-influencer-marketing", "typical influencer CPMs range from $2 to $10");
    private static readonly CalibrationSource NarrativeCpm = new("Narrative BI", "Facebook Ads CPM: 2024 benchmark", "2024",
        "https://www.narrative.bi/metrics-index/kpis/cpm-fb-ads", "average Facebook Ads CPM $9.56 across industries (US accounts)");
    private static readonly CalibrationSource SuperadsCpm = new("Superads", "Facebook Ads CPM benchmarks", "2025",
        "https://www.superads.ai/facebook-ads-costs/cpm-cost-per-mille", "12-month average CPM $19.80 (Oct 2024 – Sep 2025), low $17.97");
    private static readonly CalibrationSource BeProfit = new("BeProfit, reported by Flinder", "What's a good ROAS benchmark for your e-commerce business?", "2022",
        "https://www.flinder.co/insights/whats-a-good-roas-benchmark-for-your-e-commerce-business", "average e-commerce ROAS 2.87; 3–4 a reasonable target");
    private static readonly CalibrationSource Tinuiti = new("Tinuiti, reported by Supliful", "Average ROAS for ecommerce", "2020",
        "https://supliful.com/blog/average-roas-for-ecommerce", "average e-commerce ROAS 4.23 across industries; 10 or more for strong campaigns");
    private static readonly CalibrationSource Nielsen = new("Nielsen Catalina Solutions, reported by Adweek", "Nielsen study shows return on ad spend", "2016",
        "http://digitaladecosystem.blogspot.com/2016/06/how-advertising-on-different-types-of.html",
        "1,400 CPG campaigns: ROAS $3.94 (magazines), $2.63 (online display), $1.53 (digital video) per ad dollar");

    /// <summary>Measures <paramref name="world"/>; <paramref name="name"/> labels the table (the world's spec by default).</summary>
    public static CalibrationTable Measure(World world, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(world);
        var totals = world.Log.Totals;
        var organicCtr = Ratio(totals.Clicks, totals.Impressions);
        var (campaign, description) = ReferenceCampaign(world);
        var planner = new CampaignPlanner(world, campaign);
        double impressions = 0, clicks = 0, purchases = 0, revenue = 0;
        for (var u = 0; u < world.Users.Count; u++)
        {
            var n = planner.ExpectedImpressions(u);
            impressions += n;
            clicks += n * planner.ExpectedClicksPerImpression(u);
            purchases += n * planner.ExpectedPurchasesPerImpression(u);
            revenue += n * planner.ExpectedValuePerImpression(u);
        }
        var sponsoredCtr = Ratio(clicks, impressions);
        double followers = 0, fees = 0;
        for (var c = 0; c < world.Creators.Count; c++)
        {
            followers += world.Creators.Followers(c);
            fees += (double)world.Creators.Followers(c) * world.Creators.FeePerThousand(c);
        }
        var (conversion, orderValue) = ExpectedShopping(world);
        CalibrationFigure[] figures =
        [
            new("organic feed CTR", "clicks / impressions of the logged feed", organicCtr, 0.005, 0.03, "%", [PostIt]),
            new("sponsored CTR", "forecast clicks / sponsored impressions of the reference campaign (fatigue included)", sponsoredCtr,
                0.004, 0.019, "%", [WordStream, Superads]),
            new("sponsored / organic CTR", "sponsored CTR over organic feed CTR: ads are clicked less than the posts around them",
                Ratio(sponsoredCtr, organicCtr), 0.2, 1.0, "x", [Frontiers, WordStream]),
            new("session conversion", "expected purchases per logged click on a product (a product click opens one shop session)",
                conversion, 0.01, 0.04, "%", [Monetate]),
            new("click-to-purchase of ads", "forecast purchases / clicks of the reference campaign", Ratio(purchases, clicks), 0.007, 0.0921, "%",
                [SocialChannel, WordStream]),
            new("average order value", "expected revenue / expected purchases over the logged product clicks", orderValue, 60, 130, "$",
                [Kibo, MonetateAov]),
            new("creator fee per thousand", "creators' fees per thousand impressions, weighted by followers", Ratio(fees, followers), 2, 30, "$",
                [InfluencerHero, InBeat]),
            new("platform CPM", "the reference campaign's price per thousand sponsored impressions", PlatformCpm, 5, 20, "$", [NarrativeCpm, SuperadsCpm]),
            new("campaign ROAS", "forecast attributed revenue / ad cost of the reference campaign", Ratio(revenue, impressions * PlatformCpm / 1000),
                2, 10, "x", [BeProfit, Tinuiti, Nielsen]),
        ];
        return new CalibrationTable(name ?? world.Options.ToSpec(), description, figures);
    }

    /// <summary>
    /// Purchase probability and value of every logged click on a product, summed: conversion and order value as the
    /// ground truth expects them on the clicks the log has, free of the luck of a few expensive purchases.
    /// </summary>
    private static (double Conversion, double OrderValue) ExpectedShopping(World world)
    {
        var clicks = world.Log.Clicks;
        double productClicks = 0, purchases = 0, revenue = 0;
        for (var r = 0; r < clicks.Count; r++)
        {
            var item = clicks.Items[r];
            if (world.Items.Kind(item) != ItemKind.Product)
                continue;
            var p = world.PurchaseProbability(clicks.Users[r], item);
            productClicks++;
            purchases += p;
            revenue += p * world.Items.Price(item);
        }
        return (Ratio(purchases, productClicks), Ratio(revenue, purchases));
    }

    /// <summary>The reference campaign: a brand's ten best products of fashion (or of the topic with most products).</summary>
    private static (CampaignBrief Brief, string Description) ReferenceCampaign(World world)
    {
        var topic = -1;
        for (var t = 0; t < world.Topics.Count; t++)
            if (world.Topics[t].Name == "fashion")
                topic = t;
        if (topic < 0)
        {
            var products = new int[world.Topics.Count];
            for (var i = 0; i < world.Items.Count; i++)
                if (world.Items.Kind(i) == ItemKind.Product)
                    products[world.Items.PrimaryTopic(i)]++;
            topic = Array.IndexOf(products, products.Max());
        }
        var brief = new CampaignBrief
        {
            Name = world.Topics[topic].Name + "-brand",
            Items = CampaignBrief.ProductsOf(world, topic, 10),
            Budget = 1,
            Days = 14,
            Position = 2,
            MaxPerUserPerDay = 3,
        };
        var description = $"the ten best {world.Topics[topic].Name} products in rotation in slot 3 of the feed, for everyone, " +
            $"at most {brief.MaxPerUserPerDay} a user-day over {brief.Days} days, at ${PlatformCpm:0} per thousand";
        return (brief, description);
    }

    private static double Ratio(double a, double b) => b == 0 ? 0 : a / b;
}
