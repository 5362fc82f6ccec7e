namespace RecLab.Data.Synthetic;

/// <summary>What a creator published.</summary>
public enum ItemKind : byte
{
    /// <summary>A post (video, picture, text): consumed, liked, never bought.</summary>
    Post,

    /// <summary>A product the creator sells or promotes: it has a price and a margin and can be bought.</summary>
    Product,
}
