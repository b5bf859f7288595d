using System.Threading.Tasks;
using Xunit;

namespace DeZero.CodeFixes.Tests;

/// <summary>DZ0003 from the analyzer: at the call, exactly where the generator used to report it, and only there.</summary>
public sealed class AnalyzerTests
{
    private const string Special = """
        public static class Special
        {
            public static double Erf(double x) => x;
        }

        """;

    [Fact]
    public Task Call_WithoutRegistration_ReportsDZ0003AtTheCall() => new Test(Special + """
        public static partial class Model
        {
            [Differentiable]
            public static double F(double x) => 2 * {|DZ0003:Special.Erf(x)|};
        }
        """, Special + """
        public static partial class Model
        {
            [Differentiable]
            public static double F(double x) => 2 * Special.Erf(x);

            [global::DeZero.DerivativeOf(typeof(Special), nameof(Special.Erf))]
            internal static (double Value, double DX) ErfWithGradient(double x) =>
                throw new global::System.NotImplementedException("Return Erf(x) and its derivative with respect to x.");
        }
        """).RunAsync();

    [Fact]
    public Task Call_WithRegistration_ReportsNothing() => new Test(Special + """
        public static partial class Model
        {
            [Differentiable]
            public static double F(double x) => 2 * Special.Erf(x);
        }

        internal static class SpecialDerivatives
        {
            [DerivativeOf(typeof(Special), nameof(Special.Erf))]
            internal static (double Value, double DX) ErfWithGradient(double x) => (Special.Erf(x), 1);
        }
        """).RunAsync();

    [Fact]
    public Task Call_BesideAGeneratedCallee_ReportsDZ0003() => new Test(Special + """
        public static partial class Model
        {
            [Differentiable]
            public static double G(double x) => x * x;

            [Differentiable]
            public static double F(double x) => G(x) + {|DZ0003:Special.Erf(x)|};
        }
        """, Special + """
        public static partial class Model
        {
            [Differentiable]
            public static double G(double x) => x * x;

            [Differentiable]
            public static double F(double x) => G(x) + Special.Erf(x);

            [global::DeZero.DerivativeOf(typeof(Special), nameof(Special.Erf))]
            internal static (double Value, double DX) ErfWithGradient(double x) =>
                throw new global::System.NotImplementedException("Return Erf(x) and its derivative with respect to x.");
        }
        """).RunAsync();

    [Fact]
    public Task Call_ThatCannotTakeADerivative_ReportsDZ0003WithoutAFix() => new Test("""
        public static partial class Model
        {
            [Differentiable]
            public static double F(double x) => x * {|DZ0003:System.Random.Shared.NextDouble()|};
        }
        """).RunAsync();

    [Fact]
    public Task Call_WithARegistrationThatDoesNotFit_StillReportsDZ0003()
    {
        const string wrong = """

            internal static class SpecialDerivatives
            {
                [DerivativeOf(typeof(Special), nameof(Special.Erf))]
                internal static double {|DZ0021:ErfWithGradient|}(double x) => 1;
            }
            """;
        return new Test(Special + """
            public static partial class Model
            {
                [Differentiable]
                public static double F(double x) => {|DZ0003:Special.Erf(x)|};
            }
            """ + wrong, Special + """
            public static partial class Model
            {
                [Differentiable]
                public static double F(double x) => Special.Erf(x);

                [global::DeZero.DerivativeOf(typeof(Special), nameof(Special.Erf))]
                internal static (double Value, double DX) ErfWithGradient(double x) =>
                    throw new global::System.NotImplementedException("Return Erf(x) and its derivative with respect to x.");
            }
            """ + wrong).RunAsync();
    }
}
