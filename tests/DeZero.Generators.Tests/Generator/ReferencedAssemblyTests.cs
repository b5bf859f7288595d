using System;
using System.IO;
using System.Linq;
using System.Runtime.Loader;
using DeZero.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace DeZero.Generators.Tests.Generator;

/// <summary>Functions from assemblies without source: supplied derivatives, and [Differentiable] methods built elsewhere.</summary>
public sealed class ReferencedAssemblyTests
{
    private const string Usings = "using System;\nusing DeZero;\n\n";

    [Fact]
    public void SuppliedDerivative_ForFunctionInAssemblyWithoutSource_IsUsed()
    {
        // A library built without the generator: the generator sees only its metadata.
        var library = Library("""
            namespace Special;

            public static class SpecialFunctions
            {
                public static double Gaussian(double x) => System.Math.Exp(-x * x);

                public static double Scaled(double x, int k) => k * System.Math.Sin(x);
            }
            """, runGenerator: false);
        var result = GeneratorHarness.Run(User(library, Usings + """
            namespace App;

            public static partial class Derivatives
            {
                [DerivativeOf(typeof(Special.SpecialFunctions), nameof(Special.SpecialFunctions.Gaussian))]
                internal static (double Value, double DX) GaussianWithGradient(double x)
                {
                    var g = Special.SpecialFunctions.Gaussian(x);
                    return (g, -2 * x * g);
                }

                [DerivativeOf(typeof(Special.SpecialFunctions), nameof(Special.SpecialFunctions.Scaled))]
                internal static (double Value, double DX) ScaledWithGradient(double x, int k) =>
                    (Special.SpecialFunctions.Scaled(x, k), k * Math.Cos(x));
            }

            public static partial class Ops
            {
                [Differentiable]
                public static double F(double x, double y) => Special.SpecialFunctions.Gaussian(x * y) + Special.SpecialFunctions.Scaled(y, 3);
            }
            """));

        result.AssertNoGeneratorException();
        Assert.Empty(result.AllDiagnostics);
        result.AssertCompiles();
        using var loaded = LoadWith(library, result);
        var (x, y) = (0.7, -0.4);
        var partials = loaded.InvokeTuple("App.Ops", "FWithGradient", x, y);
        var g = Math.Exp(-(x * y) * (x * y));
        Assert.Equal(g + (3 * Math.Sin(y)), partials[0], 14);
        Assert.Equal(-2 * (x * y) * g * y, partials[1], 14);                   // d/dx Gaussian(xy)
        Assert.Equal((-2 * (x * y) * g * x) + (3 * Math.Cos(y)), partials[2], 14); // d/dy
    }

    [Fact]
    public void DifferentiableMethod_FromAssemblyBuiltWithTheGenerator_ChainsThroughItsWithGradient()
    {
        var library = Library(Usings + """
            namespace Lib;

            public static partial class Shapes
            {
                [Differentiable]
                public static double Bump(double x) => Math.Exp(-x * x) * Math.Cos(x);
            }
            """, runGenerator: true);
        var result = GeneratorHarness.Run(User(library, Usings + """
            namespace App;

            public static partial class Ops
            {
                [Differentiable]
                public static double G(double x) => Lib.Shapes.Bump(2 * x) * x;
            }
            """));

        Assert.Empty(result.AllDiagnostics);
        result.AssertCompiles();
        Assert.Contains("global::Lib.Shapes.BumpWithGradient", result.GeneratedSources.Single().Value, StringComparison.Ordinal);
        using var loaded = LoadWith(library, result);
        static double G(double x) => Math.Exp(-4 * x * x) * Math.Cos(2 * x) * x;
        var x = 0.35;
        var partials = loaded.InvokeTuple("App.Ops", "GWithGradient", x);
        Assert.Equal(G(x), partials[0], 14);
        Assert.Equal((G(x + 1e-6) - G(x - 1e-6)) / 2e-6, partials[1], 8);
    }

    [Fact]
    public void DifferentiableMethod_FromAssemblyBuiltWithoutTheGenerator_ReportsDZ0018()
    {
        var library = Library(Usings + """
            namespace Lib;

            public static partial class Shapes
            {
                [Differentiable]
                public static double Bump(double x) => x * x;
            }
            """, runGenerator: false);
        var source = Usings + """
            namespace App;

            public static partial class Ops
            {
                [Differentiable]
                public static double G(double x) => {|CalleeWithoutGradient:Lib.Shapes.Bump(x)|};
            }
            """;
        var markup = Markup.Parse(source);
        var result = GeneratorHarness.Run(User(library, markup.Source));

        var diagnostic = Assert.Single(result.AllDiagnostics);
        Assert.Equal(DiagnosticIds.CalleeWithoutGradient, diagnostic.Id);
        Assert.Equal(markup.Expected.Single().Span, diagnostic.Location.SourceSpan);
        result.AssertCompiles();
    }

    [Theory]
    [InlineData("DerivativeTargetNotFound", "[DerivativeOf(typeof(Special), \"Nope\")]", "internal static (double Value, double DX) NopeWithGradient(double x) => (x, 1);")]
    [InlineData("DerivativeTargetNotDifferentiable", "[DerivativeOf(typeof(Special), nameof(Special.Single))]", "internal static (double Value, double DX) SingleWithGradient(float x) => (x, 1);")]
    [InlineData("DerivativeSignatureMismatch", "[DerivativeOf(typeof(Special), nameof(Special.Erf))]", "internal static double ErfWithGradient(double x) => x;")]
    [InlineData("DerivativeSignatureMismatch", "[DerivativeOf(typeof(Special), nameof(Special.Erf))]", "internal static (double Value, double DX, double DY) ErfWithGradient(double x) => (x, 1, 2);")]
    [InlineData("DerivativeSignatureMismatch", "[DerivativeOf(typeof(Special), nameof(Special.Erf))]", "private static (double Value, double DX) ErfWithGradient(double x) => (x, 1);")]
    public void SuppliedDerivative_ThatDoesNotFit_ReportsItsRule(string kind, string attribute, string method)
    {
        var source = Usings + $$"""
            public static class Special
            {
                public static double Erf(double x) => x;

                public static float Single(float x) => x;
            }

            public static partial class Derivatives
            {
                {{attribute}}
                {|{{kind}}:{{method}}|}
            }
            """;
        var markup = Markup.Parse(source);
        var result = GeneratorHarness.Run(markup.Source);

        var diagnostic = Assert.Single(result.AllDiagnostics);
        Assert.Equal(DiagnosticIds.Of(kind), diagnostic.Id);
        Assert.True(markup.Expected.Single().Span.Contains(diagnostic.Location.SourceSpan), diagnostic.ToString());
        if (kind == "DerivativeSignatureMismatch")
        {
            Assert.Contains("internal static (double Value, double DX) ErfWithGradient(double x)", diagnostic.GetMessage(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void SuppliedDerivative_TwoForOneFunction_ReportsDZ0022AtEach()
    {
        var result = GeneratorHarness.Run(Usings + """
            public static class Special
            {
                public static double Erf(double x) => x;
            }

            public static partial class Derivatives
            {
                [DerivativeOf(typeof(Special), nameof(Special.Erf))]
                internal static (double Value, double DX) One(double x) => (x, 1);

                [DerivativeOf(typeof(Special), nameof(Special.Erf))]
                internal static (double Value, double DX) Two(double x) => (x, 1);
            }
            """);

        Assert.Equal(2, result.AllDiagnostics.Count(d => d.Id == DiagnosticIds.DuplicateDerivative));
    }

    /// <summary>
    /// Issue 16, bug 2, across assemblies: the library's PriceWithGradient binds as it is, and Yield's derivative chains
    /// through the second derivatives its node kernel carries.
    /// </summary>
    [Fact]
    public void CallToGeneratedWithGradient_OfAnotherAssembly_DifferentiatedThroughItsKernelsSecondDerivatives()
    {
        var library = Library(Usings + """
            namespace Lib;

            public static partial class Bonds
            {
                [Differentiable]
                public static double Price(double y, int n) => 100 * Math.Pow(1 + y, -n);
            }
            """, runGenerator: true);
        var result = GeneratorHarness.Run(User(library, Usings + """
            namespace App;

            public static partial class Ops
            {
                [Differentiable]
                public static double Yield(double price, int n)
                {
                    double y = 0.05;
                    for (int i = 0; i < 30; i++) { var (p, dp) = Lib.Bonds.PriceWithGradient(y, n); y -= (p - price) / dp; }
                    return y;
                }
            }
            """));

        result.AssertInputCompiles();
        result.AssertCompiles();
        Assert.Empty(result.AllDiagnostics);
        Assert.Contains("global::Lib.Bonds.PriceFunction.Kernel.Hessian(y, n)", result.GeneratedSources.Single().Value, StringComparison.Ordinal);
        using var loaded = LoadWith(library, result);

        // Newton converges to y* = (price / 100)^(-1/5) - 1, and dYield/dprice to 1 / Price'(y*) = -(1 + y*)^6 / 500.
        var partials = loaded.InvokeTuple("App.Ops", "YieldWithGradient", 90.0, 5);
        var converged = Math.Pow(0.9, -1.0 / 5) - 1;
        Assert.Equal(converged, partials[0], 14);
        Assert.Equal(-Math.Pow(1 + converged, 6) / 500, partials[1], 14);
    }

    private static LibraryImage Library(string source, bool runGenerator)
    {
        Compilation compilation = GeneratorHarness.Compile(source).WithAssemblyName("Library" + Guid.NewGuid().ToString("N"));
        if (runGenerator)
        {
            compilation = GeneratorHarness.Run(compilation).Output;
        }

        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        return new LibraryImage(image.ToArray());
    }

    private static CSharpCompilation User(LibraryImage library, string source) =>
        GeneratorHarness.Compile(source).AddReferences(MetadataReference.CreateFromImage(library.Image));

    /// <summary>Loads the library into the default context (where the loaded user assembly finds it by name), then the user's assembly.</summary>
    private static LoadedAssembly LoadWith(LibraryImage library, GeneratorResult result)
    {
        AssemblyLoadContext.Default.LoadFromStream(new MemoryStream(library.Image));
        return Emitter.Load(result.Output, result.Input.SyntaxTrees);
    }

    private sealed record LibraryImage(byte[] Image);
}
