namespace RecLab.Data.Synthetic;

/// <summary>The 20 named topics of the attention economy; a world uses the first <see cref="WorldOptions.Topics"/> of them.</summary>
public static class TopicCatalog
{
    /// <summary>Every topic, in a fixed order.</summary>
    public static IReadOnlyList<Topic> All { get; } =
    [
        new("fashion", Words("outfit style dress streetwear vintage haul sneakers denim trend lookbook thrift jacket runway capsule accessories"), 0.6f, -0.3f, 1.2f, 45f),
        new("beauty", Words("makeup skincare glow serum lipstick routine foundation palette nails hair tutorial blush moisturizer fragrance lashes"), 0.9f, -0.3f, 1.1f, 28f),
        new("gaming", Words("gameplay speedrun boss stream console rpg shooter build loot patch esports controller retro indie walkthrough"), -0.7f, -0.7f, 1.3f, 60f),
        new("tech", Words("review smartphone laptop unboxing gadget setup keyboard camera ai benchmark headphones charger smartwatch tablet monitor"), -0.5f, 0f, 1.1f, 180f),
        new("food", Words("recipe dinner baking vegan pasta dessert breakfast street spicy bread snack grill noodles salad coffee"), 0.2f, 0.3f, 1.3f, 18f),
        new("travel", Words("itinerary beach hotel backpacking roadtrip city guide flight island hiking budget hidden airport villa sunset"), 0.1f, 0.3f, 0.9f, 350f),
        new("fitness", Words("workout gym cardio yoga protein stretch strength home abs running routine mobility squat pilates challenge"), 0f, -0.2f, 1f, 40f),
        new("finance", Words("investing budget stocks savings crypto retirement taxes credit income index dividend mortgage side hustle frugal"), -0.4f, 0.5f, 0.7f, 90f),
        new("music", Words("cover playlist guitar live remix beat piano album vocals concert producer lyrics drums acoustic session"), 0f, -0.5f, 1.2f, 30f),
        new("pets", Words("puppy kitten training cute rescue grooming treats aquarium parrot walk vet toys adoption hamster bunny"), 0.3f, 0.1f, 1f, 25f),
        new("parenting", Words("toddler baby school bedtime routine family lunchbox crafts newborn tips teen homework playtime stroller twins"), 0.7f, 0.4f, 0.7f, 35f),
        new("home", Words("decor renovation garden cleaning organize diy kitchen plants makeover furniture bedroom tour cozy minimalist lighting"), 0.4f, 0.6f, 0.8f, 70f),
        new("cars", Words("engine restoration drift electric detailing supercar mods track review tuning classic offroad garage tires exhaust"), -0.8f, 0.3f, 0.7f, 250f),
        new("sports", Words("highlights football basketball training match goals analysis tennis cycling skate transfer league fans boxing golf"), -0.6f, 0f, 1.1f, 55f),
        new("movies", Words("trailer review theory ending scene director horror anime marvel classic series recap ranking cinema soundtrack"), 0f, 0f, 1f, 20f),
        new("books", Words("reading novel fantasy library review thriller romance poetry author shelf series classics audiobook memoir club"), 0.4f, 0.5f, 0.6f, 16f),
        new("art", Words("painting drawing sketch watercolor digital portrait sculpture process gallery ink illustration studio mural canvas pottery"), 0.3f, 0f, 0.6f, 40f),
        new("science", Words("space physics experiment biology chemistry explained ocean climate brain fossils math universe robots lab discovery"), -0.2f, 0.2f, 0.6f, 35f),
        new("comedy", Words("sketch prank standup parody skit reaction funny roast impressions bloopers meme satire improv blooper challenge"), -0.1f, -0.4f, 1.2f, 15f),
        new("outdoors", Words("camping fishing trail climbing kayak survival mountain wildlife gear hunting forest cabin bushcraft summit lake"), -0.2f, 0.3f, 0.7f, 110f),
    ];

    private static string[] Words(string text) => text.Split(' ');
}
