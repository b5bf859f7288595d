using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Reflection;
using DeZero.Generators.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace DeZero.CodeFixes.Tests;

/// <summary>
/// The analyzer and the code fix over a project that also runs the real generator, as the IDE does: the
/// analyzer then sees the generated members beside the user's, and the fixed code must compile with them.
/// </summary>
internal sealed class Test : CSharpCodeFixTest<Generators.DifferentiableAnalyzer, DerivativeStubCodeFix, DefaultVerifier>
{
    /// <summary>net10.0 reference assemblies from Basic.Reference.Assemblies, the DeZero runtime and System.Numerics.Tensors.</summary>
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    [
        .. Basic.Reference.Assemblies.Net100.References.All,
        MetadataReference.CreateFromFile(typeof(DeZero.Variable).Assembly.Location),
        MetadataReference.CreateFromFile(Assembly.Load(new AssemblyName("System.Numerics.Tensors")).Location),
    ]);

    public Test(string source, string? fixedSource = null)
    {
        // No reference pack to resolve: the framework would otherwise download one from NuGet at run time.
        ReferenceAssemblies = new ReferenceAssemblies("net10.0");
        TestState.AdditionalReferences.AddRange(References.Value);
        TestState.Sources.Add(Usings + source);
        FixedCode = Usings + (fixedSource ?? source);

        // What the generator emits is its own tests' business; here it only has to be present.
        TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
    }

    private const string Usings = "using DeZero;\n\n";

    protected override IEnumerable<Type> GetSourceGenerators() => [typeof(Generators.DifferentiableGenerator)];
}
