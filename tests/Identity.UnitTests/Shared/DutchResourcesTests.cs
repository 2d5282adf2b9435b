using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Identity.Server.Features.Shared;

namespace Identity.UnitTests.Shared;

/// <summary>
/// Every text the server shows or sends has a Dutch translation in the satellite assembly, under the
/// full name of its localizer marker class. Keys are read from the sources: T["…"] and S["…"] in
/// pages, localizer["…"] in code, and DataAnnotations messages (localized through SharedText).
/// </summary>
public sealed partial class DutchResourcesTests
{
    private static readonly CultureInfo Dutch = new("nl");
    private static readonly System.Reflection.Assembly Server = typeof(SharedText).Assembly;

    public static TheoryData<string> Markers => [.. MarkerTypes().Select(type => type.Name)];

    [Theory]
    [MemberData(nameof(Markers))]
    public void Resources_TranslateEveryKeyInUse_WhenCultureIsDutch(string marker)
    {
        var resources = DutchResources(marker);
        var used = KeysInUse().GetValueOrDefault(marker) ?? [];

        var missing = used.Where(key => string.IsNullOrWhiteSpace(resources.GetValueOrDefault(key))).Order().ToList();
        var unused = resources.Keys.Except(used).Order().ToList();

        Assert.True(missing.Count == 0, $"{marker}.nl.resx lacks: {string.Join(" | ", missing)}");
        Assert.True(unused.Count == 0, $"{marker}.nl.resx has keys no page uses: {string.Join(" | ", unused)}");
    }

    [Theory]
    [MemberData(nameof(Markers))]
    public void Resources_KeepPlaceholders_WhenTranslated(string marker)
    {
        foreach (var (key, value) in DutchResources(marker))
        {
            Assert.Equal(Placeholders(key), Placeholders(value));
        }
    }

    [Fact]
    public void KeysInUse_AreAllForKnownMarkers_WhenSourcesAreScanned()
    {
        var known = MarkerTypes().Select(type => type.Name).ToHashSet();

        Assert.Subset(known, KeysInUse().Keys.ToHashSet());
        Assert.Contains("Sign in", KeysInUse()["SignInText"]);
        Assert.Contains("Enter your email address.", KeysInUse()["SharedText"]);
    }

    /// <summary>Every class under Features named *Text is a localizer marker.</summary>
    private static IEnumerable<Type> MarkerTypes() => Server.GetTypes()
        .Where(type => type.Namespace?.StartsWith("Identity.Server.Features", StringComparison.Ordinal) == true
            && type.Name.EndsWith("Text", StringComparison.Ordinal) && type.IsClass && !type.IsNested);

    private static Dictionary<string, string> DutchResources(string marker)
    {
        var type = MarkerTypes().Single(candidate => candidate.Name == marker);
        var set = new ResourceManager(type.FullName!, Server).GetResourceSet(Dutch, createIfNotExists: true, tryParents: false);
        Assert.True(set is not null, $"No Dutch resources embedded as {type.FullName}.nl.resources");
        return set.Cast<System.Collections.DictionaryEntry>().ToDictionary(entry => (string)entry.Key, entry => (string?)entry.Value ?? "");
    }

    private static Dictionary<string, HashSet<string>> KeysInUse()
    {
        var features = Path.Combine(RepositoryRoot(), "src", "Identity.Server", "Features");
        var keys = new Dictionary<string, HashSet<string>>();
        void Add(string? marker, string key)
        {
            var name = marker ?? "(page without a localizer)";
            if (!keys.TryGetValue(name, out var set))
            {
                keys[name] = set = [];
            }

            set.Add(key);
        }

        foreach (var file in Directory.EnumerateFiles(features, "*.*", SearchOption.AllDirectories))
        {
            var source = File.ReadAllText(file);
            if (file.EndsWith(".cshtml", StringComparison.Ordinal))
            {
                var folderMarker = NearestPageLocalizer(Path.GetDirectoryName(file)!, features);
                Lookups("T").Matches(source).ToList().ForEach(match => Add(folderMarker, match.Groups[1].Value));
                Lookups("S").Matches(source).ToList().ForEach(match => Add("SharedText", match.Groups[1].Value));
            }
            else if (file.EndsWith(".cs", StringComparison.Ordinal))
            {
                foreach (Match localizer in InjectedLocalizer().Matches(source))
                {
                    Lookups(localizer.Groups[2].Value).Matches(source).ToList().ForEach(match => Add(localizer.Groups[1].Value, match.Groups[1].Value));
                }

                DataAnnotationText().Matches(source).ToList().ForEach(match => Add("SharedText", match.Groups[1].Value));
                DescriberText().Matches(source).ToList().ForEach(match => Add("SharedText", match.Groups[1].Value));
            }
        }

        return keys;
    }

    /// <summary>The T of a page: declared by the nearest _ViewImports.cshtml at or above its folder, as Razor resolves it.</summary>
    private static string? NearestPageLocalizer(string folder, string features)
    {
        for (var directory = folder; directory.StartsWith(features, StringComparison.Ordinal); directory = Path.GetDirectoryName(directory)!)
        {
            var imports = Path.Combine(directory, "_ViewImports.cshtml");
            if (File.Exists(imports) && PageLocalizer().Match(File.ReadAllText(imports)) is { Success: true } match)
            {
                return match.Groups[1].Value;
            }
        }

        return null;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Identity.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Identity.sln not found above " + AppContext.BaseDirectory);
    }

    private static string[] Placeholders(string text) => [.. PlaceholderPattern().Matches(text).Select(match => match.Value).Order()];

    private static Regex Lookups(string variable) => new($@"\b{Regex.Escape(variable)}\[""((?:[^""\\]|\\.)*)""");

    [GeneratedRegex(@"IStringLocalizer<(\w+)> T\b")]
    private static partial Regex PageLocalizer();

    [GeneratedRegex(@"IStringLocalizer<(\w+)> (\w+)")]
    private static partial Regex InjectedLocalizer();

    [GeneratedRegex(@"(?:ErrorMessage|Display\(Name) = ""((?:[^""\\]|\\.)*)""")]
    private static partial Regex DataAnnotationText();

    [GeneratedRegex(@"Localize\(base\.\w+\([^)]*\),\s*""((?:[^""\\]|\\.)*)""")]
    private static partial Regex DescriberText();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();
}
