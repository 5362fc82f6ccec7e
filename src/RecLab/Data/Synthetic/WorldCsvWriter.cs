using System.Globalization;
using System.Text;

namespace RecLab.Data.Synthetic;

/// <summary>
/// Writes a world as CSV files with a README describing every column, atomically: into a hidden temporary folder
/// beside the target, renamed into place only when complete. <c>interactions.csv</c> loads back with
/// <see cref="Loading.DelimitedLoader"/> (duplicates summed) as <see cref="World.Implicit()"/>.
/// </summary>
public static class WorldCsvWriter
{
    /// <summary>The files written, in order, with their columns.</summary>
    public static IReadOnlyList<(string File, string Description, IReadOnlyList<CsvColumn> Columns)> Files { get; } =
    [
        ("interactions.csv", "One row per engagement event in the historical log (a click, and the like and purchase that may follow it), in user then time order.",
        [
            new("user", "user id (u1, u2, ...)"),
            new("item", "item id (i1, i2, ...)"),
            new("event", "click, like or purchase"),
            new("weight", "implicit weight of the event (click-weight, like-weight, purchase-weight); summed per (user, item) they give the implicit view"),
            new("timestamp", "unix seconds (UTC) of the impression that led to the event"),
        ]),
        ("ratings.csv", "Explicit ratings that users gave to a share of the items they clicked (rating-share).",
        [
            new("user", "user id"),
            new("item", "item id"),
            new("rating", "1 to 5 stars: rating-mean + rating-slope x affinity + user bias + noise, rounded and clipped"),
            new("timestamp", "unix seconds (UTC) of the click"),
        ]),
        ("items.csv", "The catalogue in publication order: posts and products by creators.",
        [
            new("item", "item id (ids follow publication order)"),
            new("creator", "creator id (c1, c2, ...)"),
            new("kind", "post or product"),
            new("topics", "primary topic, then the secondary tag if any, separated by |"),
            new("title", "title words drawn from the topics' vocabularies and the creator's favourite words"),
            new("price", "price in dollars (products; empty for posts)"),
            new("margin", "margin as a share of the price (products; empty for posts)"),
            new("quality", "ground-truth item quality, added to every user's affinity"),
            new("buzz", "reach the logging policy sees (creator fame, quality, virality); not a preference"),
            new("published", "unix seconds (UTC) of publication; the item can be shown from the next day"),
        ]),
        ("users.csv", "Users: demographics and the ground-truth traits that drive their behaviour.",
        [
            new("user", "user id"),
            new("age", "age band"),
            new("gender", "female, male or nonbinary"),
            new("region", "home region"),
            new("sessions_per_day", "mean sessions per day (Poisson rate)"),
            new("attention", "mean slate positions scrolled per session"),
            new("price_sensitivity", "price sensitivity s_u in the purchase model (median about 1)"),
            new("rating_bias", "added to every rating score of the user"),
            new("top_topic", "the topic with the largest share of the user's interest mixture"),
        ]),
        ("creators.csv", "Creators: topics, audience, fame and fees.",
        [
            new("creator", "creator id"),
            new("name", "handle"),
            new("topics", "topics, primary first, separated by |"),
            new("region", "home region"),
            new("audience_gender", "target gender, or all"),
            new("audience_age", "target age band"),
            new("quality", "ground-truth creator quality (part of its items' quality)"),
            new("fame", "Pareto fame, the prior of follower counts and of item buzz"),
            new("followers", "followers in follows.csv"),
            new("fee_cpm", "fee per thousand impressions, in dollars"),
            new("product_share", "probability that an item of the creator is a product"),
            new("items", "items published"),
        ]),
        ("follows.csv", "The follow graph.",
        [
            new("user", "user id"),
            new("creator", "creator id the user follows"),
        ]),
        ("impressions.csv", "Every impression of the users whose impressions were kept (impression-log-share), with the logging propensity, in user then time order.",
        [
            new("user", "user id"),
            new("item", "item id"),
            new("timestamp", "unix seconds (UTC); slots of one session are 5 s apart"),
            new("position", "slate position, 0 = top"),
            new("propensity", "probability that the logging policy put this item in this slot given the items above it"),
            new("clicked", "1 when clicked"),
            new("liked", "1 when liked"),
            new("purchased", "1 when bought"),
            new("rating", "rating 1-5 given after the click, empty when none"),
        ]),
    ];

    /// <summary>
    /// Writes the files and README.md into <paramref name="directory"/>, which must not exist or be empty unless
    /// <paramref name="overwrite"/>. Returns the paths written.
    /// </summary>
    /// <exception cref="IOException">The folder exists and is not empty (without <paramref name="overwrite"/>), or writing failed.</exception>
    public static IReadOnlyList<string> Write(World world, string directory, bool overwrite = false, IProgress<string>? progress = null)
    {
        // "out/" and "out" name the same folder; with the separator kept, the folder would be its own parent.
        var target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        CheckTarget(target, overwrite);
        var parent = Path.GetDirectoryName(target) ?? throw new IOException($"{target}: cannot write into a root folder.");
        var firstCreated = FirstMissingAncestor(parent);
        Directory.CreateDirectory(parent);
        var temp = Path.Combine(parent, $".{Path.GetFileName(target)}.tmp-{Environment.ProcessId}-{Path.GetRandomFileName()}");
        try
        {
            Directory.CreateDirectory(temp);
            foreach (var (file, _, columns) in Files)
            {
                progress?.Report(file);
                using var csv = new CsvLineWriter(Path.Combine(temp, file));
                csv.Header(columns);
                WriteRows(world, file, csv);
            }
            progress?.Report("README.md");
            File.WriteAllText(Path.Combine(temp, "README.md"), Readme(world), new UTF8Encoding(false));
            CheckTarget(target, overwrite);
            if (Directory.Exists(target))
            {
                var old = temp + ".old";
                Directory.Move(target, old);
                Directory.Move(temp, target);
                Directory.Delete(old, recursive: true);
            }
            else
            {
                Directory.Move(temp, target);
            }
        }
        catch
        {
            if (Directory.Exists(temp))
                Directory.Delete(temp, recursive: true);
            // The parent folders this call made, so a failure leaves the disk as it found it.
            if (firstCreated is not null && Directory.Exists(firstCreated) && !Directory.EnumerateFileSystemEntries(firstCreated, "*", SearchOption.AllDirectories).Any(File.Exists))
                Directory.Delete(firstCreated, recursive: true);
            throw;
        }
        return [.. Files.Select(f => Path.Combine(target, f.File)), Path.Combine(target, "README.md")];
    }

    private static string? FirstMissingAncestor(string folder)
    {
        string? missing = null;
        for (var dir = folder; dir is not null && !Directory.Exists(dir); dir = Path.GetDirectoryName(dir))
            missing = dir;
        return missing;
    }

    private static void CheckTarget(string target, bool overwrite)
    {
        if (File.Exists(target))
            throw new IOException($"{target} is a file; give a folder to write the CSV files into.");
        if (!overwrite && Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
            throw new IOException($"{target} already exists and is not empty; choose a new folder or overwrite it.");
    }

    private static void WriteRows(World world, string file, CsvLineWriter csv)
    {
        switch (file)
        {
            case "interactions.csv":
                WriteInteractions(world, csv);
                break;
            case "ratings.csv":
                WriteRatings(world, csv);
                break;
            case "items.csv":
                WriteItems(world, csv);
                break;
            case "users.csv":
                WriteUsers(world, csv);
                break;
            case "creators.csv":
                WriteCreators(world, csv);
                break;
            case "follows.csv":
                for (var u = 0; u < world.Users.Count; u++)
                {
                    foreach (var c in world.Follows.CreatorsFollowedBy(u))
                    {
                        csv.Field(world.UserIds[u]);
                        csv.Field(world.CreatorIds[c]);
                        csv.EndRow();
                    }
                }
                break;
            case "impressions.csv":
                WriteImpressions(world, csv);
                break;
            default:
                throw new InvalidOperationException($"No writer for {file}.");
        }
    }

    private static void WriteInteractions(World world, CsvLineWriter csv)
    {
        var log = world.Log.Clicks;
        var o = world.Options;
        for (var r = 0; r < log.Count; r++)
        {
            var outcome = log.Outcomes[r];
            Event(csv, world, log, r, "click", o.ClickWeight);
            if ((outcome & Engagement.Like) != 0)
                Event(csv, world, log, r, "like", o.LikeWeight);
            if ((outcome & Engagement.Purchase) != 0)
                Event(csv, world, log, r, "purchase", o.PurchaseWeight);
        }
    }

    private static void Event(CsvLineWriter csv, World world, LogTable log, int row, string kind, float weight)
    {
        csv.Field(world.UserIds[log.Users[row]]);
        csv.Field(world.ItemIds[log.Items[row]]);
        csv.Field(kind);
        csv.Field(weight);
        csv.Field(log.Timestamp(row));
        csv.EndRow();
    }

    private static void WriteRatings(World world, CsvLineWriter csv)
    {
        var log = world.Log.Clicks;
        for (var r = 0; r < log.Count; r++)
        {
            if (log.Ratings[r] == 0)
                continue;
            csv.Field(world.UserIds[log.Users[r]]);
            csv.Field(world.ItemIds[log.Items[r]]);
            csv.Field(log.Ratings[r]);
            csv.Field(log.Timestamp(r));
            csv.EndRow();
        }
    }

    private static void WriteItems(World world, CsvLineWriter csv)
    {
        var items = world.Items;
        for (var i = 0; i < items.Count; i++)
        {
            var product = items.Kind(i) == ItemKind.Product;
            csv.Field(world.ItemIds[i]);
            csv.Field(world.CreatorIds[items.Creator(i)]);
            csv.Field(product ? "product" : "post");
            csv.Field(items.SecondaryTopic(i) >= 0
                ? world.Topics[items.PrimaryTopic(i)].Name + "|" + world.Topics[items.SecondaryTopic(i)].Name
                : world.Topics[items.PrimaryTopic(i)].Name);
            csv.Field(items.Title(i));
            if (product)
            {
                csv.Field(items.Price(i), "0.00");
                csv.Field(items.Margin(i), "0.00");
            }
            else
            {
                csv.Field("");
                csv.Field("");
            }
            csv.Field(items.Quality(i), "0.####");
            csv.Field(items.Buzz(i), "0.####");
            csv.Field(items.PublishTimestamp(i));
            csv.EndRow();
        }
    }

    private static void WriteUsers(World world, CsvLineWriter csv)
    {
        var users = world.Users;
        for (var u = 0; u < users.Count; u++)
        {
            csv.Field(world.UserIds[u]);
            csv.Field(Demographics.AgeBands[users.AgeBand(u)]);
            csv.Field(Demographics.Genders[users.Gender(u)]);
            csv.Field(Demographics.Regions[users.Region(u)]);
            csv.Field(users.Activity(u), "0.###");
            csv.Field(users.Attention(u), "0.##");
            csv.Field(users.PriceSensitivity(u), "0.###");
            csv.Field(users.RatingBias(u), "0.###");
            csv.Field(world.Topics[users.TopInterest(u)].Name);
            csv.EndRow();
        }
    }

    private static void WriteCreators(World world, CsvLineWriter csv)
    {
        var creators = world.Creators;
        var names = new List<string>(3);
        for (var c = 0; c < creators.Count; c++)
        {
            names.Clear();
            foreach (var t in creators.Topics(c))
                names.Add(world.Topics[t].Name);
            csv.Field(world.CreatorIds[c]);
            csv.Field(creators.Names[c]);
            csv.Field(string.Join('|', names));
            csv.Field(Demographics.Regions[creators.Region(c)]);
            csv.Field(creators.AudienceGender(c) < 0 ? "all" : Demographics.Genders[creators.AudienceGender(c)]);
            csv.Field(Demographics.AgeBands[creators.AudienceAge(c)]);
            csv.Field(creators.Quality(c), "0.####");
            csv.Field(creators.Fame(c), "0.###");
            csv.Field(creators.Followers(c));
            csv.Field(creators.FeePerThousand(c), "0.00");
            csv.Field(creators.ProductShare(c), "0.###");
            csv.Field(creators.ItemsOf(c).Length);
            csv.EndRow();
        }
    }

    private static void WriteImpressions(World world, CsvLineWriter csv)
    {
        var log = world.Log.Impressions;
        for (var r = 0; r < log.Count; r++)
        {
            var outcome = log.Outcomes[r];
            csv.Field(world.UserIds[log.Users[r]]);
            csv.Field(world.ItemIds[log.Items[r]]);
            csv.Field(log.Timestamp(r));
            csv.Field(log.Positions[r]);
            csv.Field(log.Propensities[r]);
            csv.Field((outcome & Engagement.Click) != 0 ? 1 : 0);
            csv.Field((outcome & Engagement.Like) != 0 ? 1 : 0);
            csv.Field((outcome & Engagement.Purchase) != 0 ? 1 : 0);
            if (log.Ratings[r] > 0)
                csv.Field(log.Ratings[r]);
            else
                csv.Field("");
            csv.EndRow();
        }
    }

    private static string Readme(World world)
    {
        var o = world.Options;
        var t = world.Log.Totals;
        var inv = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine("# RecLab synthetic attention economy");
        text.AppendLine();
        text.AppendLine(inv, $"Generated by RecLab from the world spec `{o.ToSpec()}` (seed {o.Seed}). The same spec regenerates these files byte for byte:");
        var sets = WorldOptions.Keys.Where(k => k != "seed" && WorldOptions.Small.Get(k) != o.Get(k)).Select(k => $" --set {k}={o.Get(k)}");
        text.AppendLine(inv, $"`reclab data synth --preset small --seed {o.Seed}{string.Concat(sets)} --out DIR`.");
        text.AppendLine();
        text.AppendLine(inv, $"{world.Users.Count:N0} users, {world.Creators.Count:N0} creators, {world.Items.Count:N0} items, {world.Follows.EdgeCount:N0} follows; " +
            $"{o.Days} logged days from {o.Start:yyyy-MM-dd} (UTC): {t.Sessions:N0} sessions, {t.Impressions:N0} impressions, {t.Clicks:N0} clicks, " +
            $"{t.Likes:N0} likes, {t.Purchases:N0} purchases, {t.Ratings:N0} ratings.");
        text.AppendLine();
        text.AppendLine("Load the interactions with any CSV reader, or with RecLab: `reclab data info interactions.csv` (events of one user and item are merged by the");
        text.AppendLine("generic loader; sum their weights to get RecLab's implicit view, as `synthetic:` datasets do).");
        text.AppendLine();
        text.AppendLine("How the log was made: each day a user has Poisson(sessions_per_day) sessions; each session shows a slate as long as the user's");
        text.AppendLine("attention budget, filled by a logging policy mixing popularity (buzz decayed by age), recent items of followed creators and");
        text.AppendLine("uniform exploration. The user examines slot k with probability (1+k)^-position-decay and clicks an examined item with");
        text.AppendLine("probability sigmoid(click-bias + click-slope x affinity - fatigue-per-exposure x recent exposures to its creator), where");
        text.AppendLine("affinity = taste . item vector + item quality. Likes, purchases (products only, falling with price) and ratings follow a click.");
        foreach (var (file, description, columns) in Files)
        {
            text.AppendLine();
            text.AppendLine(inv, $"## {file}");
            text.AppendLine();
            text.AppendLine(description);
            text.AppendLine();
            text.AppendLine("| column | meaning |");
            text.AppendLine("|---|---|");
            foreach (var c in columns)
                text.AppendLine(inv, $"| {c.Name} | {c.Description} |");
        }
        text.AppendLine();
        text.AppendLine("## World options");
        text.AppendLine();
        text.AppendLine("| key | value | meaning |");
        text.AppendLine("|---|---|---|");
        foreach (var key in WorldOptions.Keys)
            text.AppendLine(inv, $"| {key} | {o.Get(key)} | {WorldOptions.Describe(key)} |");
        return text.ToString();
    }
}
