using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DeZero.Generators.Tests.Infrastructure;

/// <summary>Runs the real <see cref="DifferentiableGenerator"/> over in-memory sources, as the compiler would.</summary>
internal static class GeneratorHarness
{
    /// <summary>C# latest; documentation comments parsed so bad XML docs in generated code surface as warnings.</summary>
    public static readonly CSharpParseOptions ParseOptions =
        new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Diagnose);

    public static readonly CSharpCompilationOptions CompilationOptions =
        new(OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: NullableContextOptions.Enable,
            allowUnsafe: false,
            deterministic: true);

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(() =>
        [.. Basic.Reference.Assemblies.Net100.References.All, .. RuntimeReferences()]);

    /// <summary>The reference assemblies of net10.0, the DeZero runtime and System.Numerics.Tensors.</summary>
    public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

    /// <summary>A compilation of the given sources (named <c>Source0.cs</c>, <c>Source1.cs</c>, …), before generation.</summary>
    public static CSharpCompilation Compile(params string[] sources) =>
        Compile(sources.Select((s, i) => ($"Source{i}.cs", s)).ToArray());

    public static CSharpCompilation Compile(params (string Path, string Text)[] sources) =>
        Compile(ParseOptions, sources);

    /// <summary>A compilation of the given sources parsed with <paramref name="options"/> (a user's language version, say).</summary>
    public static CSharpCompilation Compile(CSharpParseOptions options, params (string Path, string Text)[] sources) =>
        CSharpCompilation.Create(
            "UserAssembly" + Guid.NewGuid().ToString("N"),
            sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, options, s.Path)),
            References,
            CompilationOptions);

    /// <summary>Compiles the sources and runs the generator once.</summary>
    public static GeneratorResult Run(params string[] sources) => Run(Compile(sources));

    /// <summary>
    /// Compiles the sources as C# <paramref name="version"/> and runs the generator once, its files parsed as that
    /// version too, as a project's <c>LangVersion</c> does.
    /// </summary>
    public static GeneratorResult Run(LanguageVersion version, params string[] sources)
    {
        // Nullable reference types are C# 8: an older project cannot enable them (CS8630).
        var options = ParseOptions.WithLanguageVersion(version);
        var compilation = Compile(options, [.. sources.Select((s, i) => ($"Source{i}.cs", s))]);
        if (version < LanguageVersion.CSharp8)
        {
            compilation = compilation.WithOptions(CompilationOptions.WithNullableContextOptions(NullableContextOptions.Disable));
        }

        return Run(compilation, options);
    }

    /// <summary>Runs the generator once over <paramref name="compilation"/>, with step tracking on.</summary>
    public static GeneratorResult Run(Compilation compilation) => Run(compilation, ParseOptions);

    private static GeneratorResult Run(Compilation compilation, CSharpParseOptions parseOptions)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new DifferentiableGenerator().AsSourceGenerator()],
            parseOptions: parseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        return RunAgain(driver, compilation);
    }

    /// <summary>Runs a driver that already ran (so it holds its cache) over a possibly edited compilation.</summary>
    public static GeneratorResult RunAgain(GeneratorDriver driver, Compilation compilation)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var driverDiagnostics);
        return new GeneratorResult(compilation, output, driver, driverDiagnostics);
    }

    private static IEnumerable<MetadataReference> RuntimeReferences()
    {
        // Resolved by name rather than typeof(DeZero.Variable) so the harness does not depend on
        // which runtime types exist yet; the test project references the runtime, so both load.
        yield return MetadataReference.CreateFromFile(RuntimeAssembly.Location);
        yield return MetadataReference.CreateFromFile(TensorsAssembly.Location);
    }

    /// <summary>The DeZero runtime assembly the tests run against.</summary>
    public static Assembly RuntimeAssembly => Assembly.Load(new AssemblyName("DeZero"));

    /// <summary>System.Numerics.Tensors, which the runtime's kernels use.</summary>
    public static Assembly TensorsAssembly => Assembly.Load(new AssemblyName("System.Numerics.Tensors"));
}

/// <summary>What one generator run produced.</summary>
internal sealed record GeneratorResult(
    Compilation Input,
    Compilation Output,
    GeneratorDriver Driver,
    ImmutableArray<Diagnostic> DriverDiagnostics)
{
    public GeneratorDriverRunResult RunResult => Driver.GetRunResult();

    public GeneratorRunResult Generator => RunResult.Results.Single();

    /// <summary>Generated hint name to text, in the order the generator added them.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> GeneratedSources =>
        [.. Generator.GeneratedSources.Select(s => new KeyValuePair<string, string>(s.HintName, s.SourceText.ToString()))];

    /// <summary>The diagnostics the generator reported (not the compiler's).</summary>
    public ImmutableArray<Diagnostic> Diagnostics => Generator.Diagnostics;

    private ImmutableArray<Diagnostic>? analyzerDiagnostics;

    /// <summary>
    /// What <see cref="DifferentiableAnalyzer"/> reports over user code plus generated code: the rules a
    /// code fix acts on (DZ0003) are the analyzer's, so a user's build reports them and the generator does not.
    /// </summary>
    public ImmutableArray<Diagnostic> AnalyzerDiagnostics => analyzerDiagnostics ??=
        Output.WithAnalyzers([new DifferentiableAnalyzer()]).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();

    /// <summary>Everything the DeZero tooling reports in a user's build: the generator's and the analyzer's diagnostics.</summary>
    public ImmutableArray<Diagnostic> AllDiagnostics => [.. Diagnostics, .. AnalyzerDiagnostics];

    /// <summary>The exception that escaped the generator, if any.</summary>
    public Exception? Exception => Generator.Exception;

    /// <summary>Errors in the compilation of user code plus generated code.</summary>
    public ImmutableArray<Diagnostic> OutputErrors =>
        [.. Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error)];

    /// <summary>Errors in the user code alone: a test whose input does not compile tests nothing.</summary>
    public ImmutableArray<Diagnostic> InputErrors =>
        [.. Input.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error)];

    /// <summary>Warnings located in generated files: a user who treats warnings as errors must still build.</summary>
    public ImmutableArray<Diagnostic> GeneratedWarnings =>
        [.. Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Warning
            && d.Location.SourceTree is { } tree && !Input.SyntaxTrees.Contains(tree))];

    public void AssertNoGeneratorException()
    {
        if (Exception is not null)
        {
            throw new Xunit.Sdk.XunitException($"The generator threw: {Exception}");
        }

        // The driver's list repeats what the generator reported; its own are the compiler's CS87xx
        // ("generator failed to initialize", "generator threw"), reported as warnings.
        var driverErrors = DriverDiagnostics.Where(d => d.Id.StartsWith("CS", StringComparison.Ordinal)).ToArray();
        if (driverErrors.Length > 0)
        {
            throw new Xunit.Sdk.XunitException("The driver reported:\n" + string.Join("\n", driverErrors.Select(d => d.ToString())));
        }
    }

    public void AssertInputCompiles() => AssertNoErrors("The test's own source", InputErrors);

    /// <summary>No generator exception, and user code plus generated code has zero errors.</summary>
    public void AssertCompiles()
    {
        AssertNoGeneratorException();
        AssertNoErrors("User code plus generated code", OutputErrors);
    }

    public void AssertNoGeneratedWarnings()
    {
        var warnings = GeneratedWarnings;
        if (warnings.Length > 0)
        {
            throw new Xunit.Sdk.XunitException("Generated code has warnings:\n" + Describe(warnings));
        }
    }

    /// <summary>The generated member names of <paramref name="typeName"/> (metadata name) in the output compilation.</summary>
    public IReadOnlyCollection<string> MemberNames(string typeName) =>
        Output.GetTypeByMetadataName(typeName) is { } type
            ? [.. type.GetMembers().Select(m => m.Name).Distinct()]
            : throw new Xunit.Sdk.XunitException($"No type {typeName} in the output compilation.");

    public string Describe(IEnumerable<Diagnostic> diagnostics) =>
        string.Join("\n", diagnostics.Select(d =>
        {
            var tree = d.Location.SourceTree;
            var line = d.Location.GetLineSpan();
            var text = tree is null ? "" : tree.GetText().Lines[line.StartLinePosition.Line].ToString().Trim();
            return $"{d}\n      at: {text}";
        }));

    private void AssertNoErrors(string what, ImmutableArray<Diagnostic> errors)
    {
        if (errors.Length == 0)
        {
            return;
        }

        var generated = string.Join("\n\n", GeneratedSources.Select(s => $"// ---- {s.Key}\n{s.Value}"));
        throw new Xunit.Sdk.XunitException(
            $"{what} has {errors.Length} error(s):\n{Describe(errors.Take(20))}\n\nGenerated files:\n{Truncate(generated, 20000)}");
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max] + "\n…";
}
