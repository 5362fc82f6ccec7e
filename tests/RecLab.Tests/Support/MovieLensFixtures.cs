using System.Text;

namespace RecLab.Tests.Support;

/// <summary>
/// Tiny MovieLens releases in their real layouts, as file name to bytes, so a test can write them to a folder or zip them.
/// Figures the tests rely on are in the comments.
/// </summary>
public static class MovieLensFixtures
{
    private static byte[] Latin1(string text) => Encoding.Latin1.GetBytes(text);

    private static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text);

    private static string Flags(params int[] on)
    {
        var flags = new string[19];
        Array.Fill(flags, "0");
        foreach (var g in on)
            flags[g] = "1";
        return string.Join("|", flags);
    }

    /// <summary>
    /// MovieLens 100K: users 196, 186, 22 (user 7 is described but has no ratings); items 1, 2, 3 in u.item,
    /// item 99 rated but not listed; 5 ratings. Item 3's title is Latin-1 "Café au lait" (byte 0xE9).
    /// </summary>
    public static Dictionary<string, byte[]> MovieLens100K() => new()
    {
        ["u.data"] = Latin1("196\t1\t3\t881250949\n186\t2\t5\t891717742\n196\t3\t4\t881251000\n22\t1\t1\t878887116\r\n22\t99\t2\t878887200\n"),
        ["u.item"] = Latin1(
            $"1|Toy Story (1995)|01-Jan-1995||http://us.imdb.com/M/title-exact?Toy%20Story%20(1995)|{Flags(3, 4, 5)}\n" +
            $"2|GoldenEye (1995)|01-Jan-1995||http://us.imdb.com/M/title-exact?GoldenEye%20(1995)|{Flags(1, 2, 16)}\n" +
            $"3|Café au lait|01-Jan-1994||http://us.imdb.com/M/title-exact?Caf%E9%20au%20lait%20(1994)|{Flags(5)}\n"),
        ["u.user"] = Latin1("196|49|M|writer|55105\n186|39|F|executive|00000\n22|17|M|student|T8H1N\n7|57|M|administrator|91344\n"),
        ["u.genre"] = Latin1(string.Concat(RecLab.Data.Loading.MovieLensLoader.Genres100K.Select((g, i) => $"{g}|{i}\n")) + "\n"),
    };

    /// <summary>
    /// MovieLens 1M: users 1 and 2; movies 1193, 2, 3 (Latin-1 title "Café Society (1995)"); 4 ratings.
    /// </summary>
    public static Dictionary<string, byte[]> MovieLens1M() => new()
    {
        ["ratings.dat"] = Latin1("1::1193::5::978300760\n1::2::3::978302109\n2::1193::4::978298413\n2::3::2::978299000\n"),
        ["movies.dat"] = Latin1(
            "1193::One Flew Over the Cuckoo's Nest (1975)::Drama\n" +
            "2::Jumanji (1995)::Adventure|Children's|Fantasy\n" +
            "3::Café Society (1995)::Drama|Romance\n"),
        ["users.dat"] = Latin1("1::F::1::10::48067\n2::M::56::16::70072\n"),
    };

    /// <summary>
    /// MovieLens latest (CSV): users 1, 2, 3; movies 1, 11, 100, 200 listed (200 never rated); 5 ratings;
    /// quoted titles with a comma and with escaped quotes; UTF-8 "Amélie"; tags including a repeated one.
    /// </summary>
    public static Dictionary<string, byte[]> MovieLensCsv() => new()
    {
        ["ratings.csv"] = Utf8("userId,movieId,rating,timestamp\n1,1,4.0,964982703\n1,11,0.5,964981247\n2,100,5.0,1445714835\n3,1,3.5,1306463578\n3,11,2.5,1306463600\n"),
        ["movies.csv"] = Utf8(
            "movieId,title,genres\n" +
            "1,Toy Story (1995),Adventure|Animation|Children|Comedy|Fantasy\n" +
            "11,\"American President, The (1995)\",Comedy|Drama|Romance\n" +
            "100,\"Movie \"\"Quoted\"\" Title, A (2001)\",(no genres listed)\n" +
            "200,Amélie (Fabuleux destin d'Amélie Poulain) (2001),Comedy|Romance\n"),
        ["tags.csv"] = Utf8("userId,movieId,tag,timestamp\n2,1,Pixar,1445714994\n3,1,pixar,1445714996\n2,11,\"funny, clever\",1445715000\n2,999,orphan,1445715001\n"),
    };

    /// <summary>Writes the files into <paramref name="folder"/> and returns it.</summary>
    public static string WriteTo(this Dictionary<string, byte[]> files, string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var (name, bytes) in files)
            File.WriteAllBytes(Path.Combine(folder, name), bytes);
        return folder;
    }
}
