using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DeZero.Generators.Parsing;
using DeZero.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace DeZero.Generators.Tests.Generator;

/// <summary>
/// The parse cache that carries each method's parse from one run to the next: after any edit, in any file, a run of
/// a driver that kept its cache gives exactly what a fresh driver gives, and an edit inside one body re-parses only
/// what read that body.
/// </summary>
public sealed class ParseCacheTests
{
    // Top calls Mid in another file, which calls Bottom in a third: what Top may emit depends on all three bodies.
    private const string MainFile = """
        using DeZero;

        namespace Samples;

        public static partial class Main
        {
            [Differentiable]
            public static double Top(double x) => Helpers.Mid(x) * Constants.K + Constants.Scale * x;

            [Differentiable]
            public static double Other(double x) => Leaf.Hard(x) + x;
        }
        """;

    private const string HelpersFile = """
        using DeZero;

        namespace Samples;

        public static partial class Helpers
        {
            [Differentiable]
            public static double Mid(double x) => Leaf.Bottom(x) + x * x;
        }
        """;

    private const string LeafFile = """
        using System;
        using DeZero;

        namespace Samples;

        public static partial class Leaf
        {
            [Differentiable]
            public static double Bottom(double x) => Math.Sin(x);

            public static double Soft(double x) => x / (1 + Math.Abs(x));

            public static double Hard(double x) => x < 0 ? 0 : x;
        }
        """;

    private const string ConstantsFile = """
        namespace Samples;

        public static class Constants
        {
            public const double K = 2.0;

            public static readonly double Scale = 0.5;
        }
        """;

    private const string RegistrationsFile = """
        using DeZero;

        namespace Samples;

        public static class Registrations
        {
            [DerivativeOf(typeof(Leaf), nameof(Leaf.Soft))]
            public static (double Value, double DX) SoftWithGradient(double x) =>
                (Leaf.Soft(x), 1 / ((1 + System.Math.Abs(x)) * (1 + System.Math.Abs(x))));
        }
        """;

    private const string Unrelated = """
        namespace Samples;

        public static class Unrelated
        {
            public static int Answer() => 42;
        }
        """;

    private static readonly string[] Files = [MainFile, HelpersFile, LeafFile, ConstantsFile, RegistrationsFile, Unrelated];

    private const int Main = 0, Helpers = 1, Leaf = 2, Constants = 3, Registrations = 4, Other = 5;

    /// <summary>An edit to one file: the text replaced and its replacement.</summary>
    public sealed record Edit(int File, string From, string To);

    public static readonly IReadOnlyDictionary<string, Edit> Edits = new Dictionary<string, Edit>
    {
        // Inside bodies: the declarations stay the same, so only what read the edited body may change.
        ["CalleeOfCalleeGetsError"] = new(Leaf, "=> Math.Sin(x);", "=> x % 2.0;"),
        ["CalleeOfCalleeCallsSuppliedDerivative"] = new(Leaf, "=> Math.Sin(x);", "=> Soft(x);"),
        ["CalleeOfCalleeCallsFunctionWithoutDerivative"] = new(Leaf, "=> Math.Sin(x);", "=> Hard(x);"),
        ["CalleeOfCalleeBodyChanged"] = new(Leaf, "Math.Sin(x)", "Math.Cos(x)"),
        ["CalleeGetsError"] = new(Helpers, "+ x * x;", "+ x % 3.0;"),
        ["CallerBodyChanged"] = new(Main, "* Constants.K", "/ Constants.K"),
        ["LinesAddedAboveCallee"] = new(Leaf, "namespace Samples;", "namespace Samples;\n\n// moved\n// down\n"),
        ["NonConstInitializerChanged"] = new(Constants, "Scale = 0.5", "Scale = 0.25"),
        ["UnrelatedBodyChanged"] = new(Other, "=> 42", "=> 43"),

        // Declarations: a new generation, every method parsed again.
        ["ConstantChanged"] = new(Constants, "K = 2.0", "K = 3.0"),
        ["CalleeSignatureChanged"] = new(Leaf, "Bottom(double x)", "Bottom(double x, int n = 1)"),
        ["CalleeGainsAttribute"] = new(Leaf, "public static double Hard", "[Differentiable]\n    public static double Hard"),
        ["CalleeLosesAttribute"] = new(Leaf, "[Differentiable]\n    public static double Bottom", "public static double Bottom"),
        ["RegistrationAdded"] = new(Registrations, "public static class Registrations\n{", """
            public static class Registrations
            {
                [DerivativeOf(typeof(Leaf), nameof(Leaf.Hard))]
                public static (double Value, double DX) HardWithGradient(double x) => (Leaf.Hard(x), x < 0 ? 0 : 1);

            """),
        ["DuplicateNameAddedElsewhere"] = new(Other, "public static class Unrelated", """
            public static partial class Helpers
            {
                [Differentiable]
                public static double Mid(double x, double y) => x * y;
            }

            public static class Unrelated
            """),
        ["GlobalUsingAdded"] = new(Other, "namespace Samples;", "global using static System.Math;\nnamespace Samples;"),
    };

    public static TheoryData<string> EditNames => [.. Edits.Keys];

    [Theory]
    [MemberData(nameof(EditNames))]
    public void Rerun_AfterEdit_GivesWhatAFreshRunGives(string name)
    {
        var first = GeneratorHarness.Run(Files);
        first.AssertCompiles();

        var edited = Apply(first.Input, Edits[name]);
        var again = GeneratorHarness.RunAgain(first.Driver, edited);
        var fresh = GeneratorHarness.Run(edited);

        AssertSame(fresh, again, name);
        Assert.NotEmpty(first.GeneratedSources);
    }

    [Fact]
    public void Rerun_EditsOneAfterAnotherThenUndone_EveryRunGivesWhatAFreshRunGives()
    {
        // Each edit on top of the last, then each undone: generations end and come back, entries are replaced.
        var history = new List<Compilation> { GeneratorHarness.Compile(Files) };
        var driver = GeneratorHarness.Run(history[0]).Driver;
        foreach (var (name, edit) in Edits.Where(e => e.Key != "DuplicateNameAddedElsewhere"))
        {
            var next = Apply(history[^1], edit, mustChange: false);
            var again = GeneratorHarness.RunAgain(driver, next);
            AssertSame(GeneratorHarness.Run(next), again, "after " + name);
            driver = again.Driver;
            history.Add(next);
        }

        for (var i = history.Count - 2; i >= 0; i--)
        {
            var again = GeneratorHarness.RunAgain(driver, history[i]);
            AssertSame(GeneratorHarness.Run(history[i]), again, $"undone to state {i}");
            driver = again.Driver;
        }
    }

    [Fact]
    public void TryGet_BodyEditedInAnotherFile_ReusesOnlyWhatDidNotReadIt()
    {
        var (cache, before) = EveryMethodParsed();

        var afterUnrelated = Apply(before, Edits["UnrelatedBodyChanged"]);
        Assert.All(Methods(afterUnrelated), m => Assert.NotNull(cache.TryGet(m.Node, afterUnrelated)));

        // Bottom's body is read by Bottom, by Mid (its caller) and by Top (Mid's caller); Other never reads it.
        var afterLeaf = Apply(before, Edits["CalleeOfCalleeBodyChanged"]);
        var reused = Methods(afterLeaf).Where(m => cache.TryGet(m.Node, afterLeaf) is not null).Select(m => m.Name);
        Assert.Equal(new[] { "Other" }, reused);
    }

    [Theory]
    [InlineData("ConstantChanged")]
    [InlineData("CalleeSignatureChanged")]
    [InlineData("RegistrationAdded")]
    [InlineData("GlobalUsingAdded")]
    public void TryGet_DeclarationsChanged_ReusesNothing(string name)
    {
        var (cache, before) = EveryMethodParsed();

        var after = Apply(before, Edits[name]);

        Assert.All(Methods(after), m => Assert.Null(cache.TryGet(m.Node, after)));
    }

    [Fact]
    public void TryGet_OptionsOrReferencesChanged_ReusesNothing()
    {
        var (cache, before) = EveryMethodParsed();

        var options = before.WithOptions(before.Options.WithNullableContextOptions(NullableContextOptions.Disable));
        var references = before.RemoveReferences(before.References.Last());

        Assert.All(Methods(options), m => Assert.Null(cache.TryGet(m.Node, options)));
        Assert.All(Methods(references), m => Assert.Null(cache.TryGet(m.Node, references)));
        Assert.All(Methods(before), m => Assert.NotNull(cache.TryGet(m.Node, before)));
    }

    private static IEnumerable<(MethodDeclarationSyntax Node, string Name)> Methods(Compilation compilation) =>
        compilation.SyntaxTrees
            .SelectMany(t => t.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>())
            .Where(m => m.AttributeLists.SelectMany(l => l.Attributes).Any(a => a.Name.ToString() == "Differentiable"))
            .Select(m => (m, m.Identifier.ValueText));

    /// <summary>A new cache holding the parse of every method of <see cref="Files"/>, and their compilation.</summary>
    private static (ParseCache Cache, CSharpCompilation Before) EveryMethodParsed()
    {
        var cache = new ParseCache();
        var before = GeneratorHarness.Compile(Files);
        foreach (var (node, _) in Methods(before))
        {
            var model = before.GetSemanticModel(node.SyntaxTree);
            cache.Parse(node, model.GetDeclaredSymbol(node)!, model, CancellationToken.None);
        }

        return (cache, before);
    }

    private static Compilation Apply(Compilation compilation, Edit edit, bool mustChange = true)
    {
        var tree = compilation.SyntaxTrees.ElementAt(edit.File);
        var text = tree.GetText().ToString();
        var from = edit.From.ReplaceLineEndings("\n");
        Assert.True(!mustChange || text.Contains(from, StringComparison.Ordinal), $"'{edit.From}' is not in file {edit.File}.");
        var changed = text.Replace(from, edit.To.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        return compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(SourceText.From(changed)));
    }

    private static void AssertSame(GeneratorResult fresh, GeneratorResult again, string what)
    {
        again.AssertNoGeneratorException();
        Assert.Equal(fresh.GeneratedSources, again.GeneratedSources);
        Assert.True(
            Describe(fresh.Diagnostics).SequenceEqual(Describe(again.Diagnostics)),
            $"{what}: fresh\n  {string.Join("\n  ", Describe(fresh.Diagnostics))}\nagain\n  {string.Join("\n  ", Describe(again.Diagnostics))}");
    }

    private static string[] Describe(IEnumerable<Diagnostic> diagnostics) =>
        [.. diagnostics
            .Select(d => $"{d.Id} {d.Location.GetLineSpan()} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")
            .Order(StringComparer.Ordinal)];
}
