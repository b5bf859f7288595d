using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using DeZero.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace DeZero.Generators.Tests.Generator;

/// <summary>Layer 4: the pipeline caches, its models hold no Roslyn objects, and an edit regenerates only what it touches.</summary>
public sealed class CachingTests
{
    /// <summary>Every step name the generator declares; a step it adds later is covered without touching this file.</summary>
    private static readonly string[] StepNames =
        [.. typeof(TrackingNames).GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)];

    private static readonly string[] MethodNames = ["Alpha", "Bravo", "Charlie", "Delta", "Echo"];

    private const string FileA = """
        using DeZero;

        namespace Samples;

        public static partial class Ops
        {
            [Differentiable]
            public static double Alpha(double x, double y) => x * y + System.Math.Sin(x);

            [Differentiable]
            public static double Bravo(double x) => System.Math.Exp(-x * x);
        }
        """;

    private const string FileB = """
        using DeZero;

        namespace Samples;

        public static partial class More
        {
            [Differentiable]
            public static double Charlie(double x, int n)
            {
                double s = x;
                s *= n;
                return s * s + Soft(x);
            }

            public static double Soft(double x) => x / (1 + System.Math.Abs(x));

            // Makes the Registrations step run: [DerivativeOf] methods are gathered once for all methods.
            [DerivativeOf(nameof(Soft))]
            public static (double Value, double DX) SoftWithGradient(double x) =>
                (Soft(x), 1 / ((1 + System.Math.Abs(x)) * (1 + System.Math.Abs(x))));

            [Differentiable]
            public static double Delta(double x, double y) => x > y ? x - y : System.Math.Tanh(y);
        }
        """;

    private const string FileUnrelated = """
        namespace Samples;

        public static class Unrelated
        {
            public static int Answer() => 42;
        }
        """;

    // The only method here has an error, so moving it must re-report without re-differentiating anything.
    private const string FileBroken = """
        using DeZero;

        namespace Samples;

        public static partial class Broken
        {
            [Differentiable]
            public static double Echo(double x) => x % 2;
        }
        """;

    private static readonly string[] Files = [FileA, FileB, FileUnrelated, FileBroken];

    [Fact]
    public void Rerun_UnchangedCompilation_EveryStepCachedOrUnchanged()
    {
        var first = GeneratorHarness.Run(Files);
        first.AssertCompiles();

        var second = GeneratorHarness.RunAgain(first.Driver, first.Input.Clone());

        var run = second.Generator;
        Assert.All(StepNames, name => Assert.True(run.TrackedSteps.ContainsKey(name), $"Step {name} is not tracked."));
        var changed = AllOutputs(run).Where(o => !IsStable(o.Reason)).ToArray();
        Assert.True(changed.Length == 0, "Not cached on an unchanged rerun:\n" + Table(AllOutputs(run)));
        Assert.Equal(first.GeneratedSources, second.GeneratedSources);
    }

    [Fact]
    public void StepOutputs_AnyStep_HoldNoRoslynObjects()
    {
        var result = GeneratorHarness.Run(Files);
        result.AssertNoGeneratorException();

        var found = new List<string>();
        var walked = 0;
        foreach (var name in StepNames)
        {
            Assert.True(result.Generator.TrackedSteps.TryGetValue(name, out var steps), $"Step {name} is not tracked.");
            foreach (var (step, i) in steps.Select((s, i) => (s, i)))
            {
                foreach (var (output, j) in step.Outputs.Select((o, j) => (o, j)))
                {
                    walked++;
                    found.AddRange(ModelWalker.FindRoslynObjects(output.Value, $"{name}[{i}].Outputs[{j}]"));
                }
            }
        }

        Assert.True(walked > 0, "No step outputs to inspect.");
        Assert.True(found.Count == 0, "Roslyn objects in pipeline models (they pin compilations and defeat caching):\n" + string.Join("\n", found));
    }

    [Fact]
    public void ModelWalker_SymbolInsideList_IsFound()
    {
        // The walk itself must see through records, collections and tuples, or the test above proves nothing.
        var compilation = GeneratorHarness.Compile("class C { }");
        var symbol = compilation.GetTypeByMetadataName("C")!;
        var nested = (Name: "x", Items: new List<object> { 1, new[] { (object)symbol } });

        var found = ModelWalker.FindRoslynObjects(nested, "root");

        Assert.Single(found);
        Assert.Contains("Item2", found[0]);
    }

    /// <summary>An edit to one file and, per method, what its outputs must report on the next run.</summary>
    public sealed record Edit(int File, Func<string, string> Apply, IReadOnlyDictionary<string, Outcome> Expected, bool DiagnosticsMove = false);

    public enum Outcome
    {
        /// <summary>Every output of the method's steps is <c>Cached</c> or <c>Unchanged</c>.</summary>
        Stable,

        /// <summary>The method's model and its generated source are <c>Modified</c>.</summary>
        Modified,

        /// <summary>The method's model and generated source are <c>New</c>.</summary>
        New,
    }

    private static Dictionary<string, Outcome> AllStable(params (string Method, Outcome Outcome)[] except)
    {
        var expected = MethodNames.Where(m => m != "Echo").ToDictionary(m => m, _ => Outcome.Stable);
        foreach (var (method, outcome) in except)
        {
            expected[method] = outcome;
        }

        return expected;
    }

    public static readonly IReadOnlyDictionary<string, Edit> Edits = new Dictionary<string, Edit>
    {
        ["AlphaBodyChanged"] = new(0, s => s.Replace("System.Math.Sin(x)", "System.Math.Cos(x)", StringComparison.Ordinal),
            AllStable(("Alpha", Outcome.Modified))),
        ["DeltaBodyChanged"] = new(1, s => s.Replace("x - y", "x + y", StringComparison.Ordinal),
            AllStable(("Delta", Outcome.Modified))),
        ["CommentAddedToUnrelatedFile"] = new(2, s => "// a comment\n" + s, AllStable()),
        ["WhitespaceAddedToUnrelatedFile"] = new(2, s => s.Replace("{", "{\n\n    ", StringComparison.Ordinal), AllStable()),
        ["CommentAppendedToMethodFile"] = new(0, s => s + "\n// trailing comment\n", AllStable()),
        ["MethodAddedToFile"] = new(1, s => s[..s.LastIndexOf('}')] + """

                [Differentiable]
                public static double Foxtrot(double x) => x * x * x;
            }
            """, AllStable(("Foxtrot", Outcome.New))),
        ["MethodWithErrorMoved"] = new(3, s => "// three\n// new\n// lines\n" + s, AllStable(), DiagnosticsMove: true),
    };

    public static TheoryData<string> EditNames => [.. Edits.Keys];

    [Theory]
    [MemberData(nameof(EditNames))]
    public void Rerun_AfterEdit_RegeneratesOnlyWhatItTouches(string name)
    {
        var edit = Edits[name];
        var first = GeneratorHarness.Run(Files);
        first.AssertCompiles();
        var oldTree = first.Input.SyntaxTrees.ElementAt(edit.File);
        var newTree = oldTree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(edit.Apply(oldTree.GetText().ToString())));
        Assert.NotEqual(oldTree.GetText().ToString(), newTree.GetText().ToString());

        var second = GeneratorHarness.RunAgain(first.Driver, first.Input.ReplaceSyntaxTree(oldTree, newTree));

        second.AssertCompiles();
        var run = second.Generator;
        var outputs = AllOutputs(run).ToArray();
        var report = $"Edit {name}; step outputs after it:\n{Table(outputs)}";
        foreach (var (method, outcome) in edit.Expected)
        {
            var mine = outputs.Where(o => o.Methods.Contains(method)).ToArray();
            var models = mine.Where(o => o.Step == TrackingNames.Methods).ToArray();
            var derivatives = mine.Where(o => o.Step == TrackingNames.Differentiated).ToArray();
            var sources = mine.Where(o => o.IsSourceOutput).ToArray();
            Assert.True(models.Length > 0, $"No {TrackingNames.Methods} output mentions {method}.\n{report}");
            Assert.True(derivatives.Length > 0, $"No {TrackingNames.Differentiated} output mentions {method}.\n{report}");
            switch (outcome)
            {
                case Outcome.Stable:
                    Assert.True(mine.All(o => IsStable(o.Reason)), $"{method} should be untouched.\n{report}");
                    break;
                case Outcome.Modified:
                    Assert.True(models.Any(o => o.Reason == IncrementalStepRunReason.Modified), $"{method}'s model should be Modified.\n{report}");
                    Assert.True(derivatives.Any(o => o.Reason == IncrementalStepRunReason.Modified), $"{method}'s derivative should be Modified.\n{report}");
                    Assert.True(sources.Any(o => o.Reason == IncrementalStepRunReason.Modified), $"{method}'s source should be Modified.\n{report}");
                    break;
                case Outcome.New:
                    Assert.True(models.Any(o => o.Reason == IncrementalStepRunReason.New), $"{method}'s model should be New.\n{report}");
                    Assert.True(derivatives.Any(o => o.Reason == IncrementalStepRunReason.New), $"{method}'s derivative should be New.\n{report}");
                    Assert.True(sources.Any(o => o.Reason == IncrementalStepRunReason.New), $"{method}'s source should be New.\n{report}");
                    break;
            }
        }

        // Nothing differentiated again when only a diagnostic moved: every model is as before.
        if (edit.DiagnosticsMove)
        {
            Assert.True(
                outputs.Where(o => o.Step is TrackingNames.Methods or TrackingNames.Differentiated || o.HasGeneratedSource).All(o => IsStable(o.Reason)),
                $"Moving a method with an error re-ran differentiation.\n{report}");
            Assert.True(
                outputs.Any(o => o.Step == TrackingNames.Diagnostics && o.Reason == IncrementalStepRunReason.Modified),
                $"The moved diagnostic was not re-reported.\n{report}");
            var before = first.Diagnostics.Single(d => d.GetMessage().Contains("x % 2", StringComparison.Ordinal));
            var after = second.Diagnostics.Single(d => d.GetMessage().Contains("x % 2", StringComparison.Ordinal));
            Assert.Equal(before.Location.GetLineSpan().StartLinePosition.Line + 3, after.Location.GetLineSpan().StartLinePosition.Line);
        }
    }

    /// <summary>One output of one step, with the methods it can be attributed to by name.</summary>
    private sealed record StepOutput(string Step, bool IsSourceOutput, IncrementalStepRunReason Reason, IReadOnlySet<string> Methods, bool HasGeneratedSource = false);

    private static IEnumerable<StepOutput> AllOutputs(GeneratorRunResult run)
    {
        foreach (var name in StepNames)
        {
            if (!run.TrackedSteps.TryGetValue(name, out var steps))
            {
                continue;
            }

            foreach (var step in steps)
            {
                foreach (var output in step.Outputs)
                {
                    yield return new StepOutput(name, false, output.Reason, Attribute(output.Value, step));
                }
            }
        }

        foreach (var (name, steps) in run.TrackedOutputSteps)
        {
            foreach (var step in steps)
            {
                foreach (var output in step.Outputs)
                {
                    yield return new StepOutput(name, true, output.Reason, Attribute(output.Value, step), GeneratedTexts(output.Value).Any());
                }
            }
        }
    }

    // A model of method Alpha holds the string "Alpha"; a generated file mentions it; an output step's
    // input is the model it was generated from. Strings, hint names and source texts all count.
    private static HashSet<string> Attribute(object value, IncrementalGeneratorRunStep step)
    {
        var texts = new List<string>(ModelWalker.Strings(value));
        texts.AddRange(GeneratedTexts(value));
        foreach (var (source, index) in step.Inputs)
        {
            if (index < source.Outputs.Length)
            {
                texts.AddRange(ModelWalker.Strings(source.Outputs[index].Value));
            }
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var method in MethodNames.Append("Foxtrot"))
        {
            var word = new Regex($@"(?<![A-Za-z0-9_]){method}(?![A-Za-z0-9_])", RegexOptions.CultureInvariant);
            if (texts.Any(t => word.IsMatch(t)))
            {
                names.Add(method);
            }
        }

        return names;
    }

    // Source output steps record (ImmutableArray<GeneratedSourceText>, ImmutableArray<Diagnostic>); the
    // struct is internal to Roslyn, so its hint name and text are read by reflection.
    private static IEnumerable<string> GeneratedTexts(object value)
    {
        var items = value is System.Runtime.CompilerServices.ITuple tuple
            ? Enumerable.Range(0, tuple.Length).Select(i => tuple[i])
            : [value];
        foreach (var item in items.OfType<System.Collections.IEnumerable>())
        {
            foreach (var element in item)
            {
                if (element?.GetType() is { Name: "GeneratedSourceText" } type)
                {
                    if (type.GetProperty("HintName")?.GetValue(element) is string hint)
                    {
                        yield return hint;
                    }

                    if (type.GetProperty("Text")?.GetValue(element) is { } text)
                    {
                        yield return text.ToString() ?? "";
                    }
                }
            }
        }
    }

    private static bool IsStable(IncrementalStepRunReason reason) =>
        reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged;

    private static string Table(IEnumerable<StepOutput> outputs)
    {
        var text = new StringBuilder();
        foreach (var o in outputs)
        {
            text.AppendLine($"  {o.Step,-30} {o.Reason,-10} {(o.HasGeneratedSource ? "source " : "")}{string.Join(",", o.Methods.Order(StringComparer.Ordinal))}");
        }

        return text.ToString();
    }
}
