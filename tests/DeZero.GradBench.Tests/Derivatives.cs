using System;
using System.Linq;
using System.Text.Json.Nodes;
using DeZero.GradBench.Evals;
using DeZero.GradBench.Protocol;

namespace DeZero.GradBench.Tests;

/// <summary>
/// The derivative each eval's derivative message must answer for a fixture case, flattened in the order of the
/// output (GMM: alpha, mu, q, l), computed by <see cref="References"/>, independently of the generated derivatives
/// they check: closed forms, RK4's derivative by dual numbers, central differences.
/// </summary>
internal static class Derivatives
{
    public static double[] Expected(string eval, JsonObject testCase)
    {
        var input = Fixture.Input(testCase);
        switch (eval)
        {
            case "lse":
                return References.Softmax(JsonInput.Vector(input, "x"));
            case "llsq":
                return References.LlsqNormalEquations(JsonInput.Vector(input, "x"), JsonInput.Int(input, "n"));
            case "det":
                return References.Cofactors(JsonInput.Vector(input, "A"), JsonInput.Int(input, "ell"));
            case "ode":
                return References.Rk4LastTangents(JsonInput.Vector(input, "x"), JsonInput.Int(input, "s"));

            case "gmm":
            {
                int d = JsonInput.Int(input, "d"), k = JsonInput.Int(input, "k"), n = JsonInput.Int(input, "n"), m = JsonInput.Int(input, "m");
                double gamma = JsonInput.Double(input, "gamma");
                double[] x = JsonInput.Matrix(input, "x", n, d);
                int lSize = d * (d - 1) / 2;
                double[] all = [.. JsonInput.Vector(input, "alpha"), .. JsonInput.Matrix(input, "mu", k, d), .. JsonInput.Matrix(input, "q", k, d), .. JsonInput.Matrix(input, "l", k, lSize)];
                return References.CentralDifferences(
                    v => Gmm.Objective(v.AsSpan(0, k), v.AsSpan(k, k * d), v.AsSpan(k + k * d, k * d), v.AsSpan(k + 2 * k * d, k * lSize), x, d, k, n, gamma, m),
                    all);
            }

            case "lstm":
            {
                double[] main = JsonInput.Matrix(input, "main_params", -1, -1, out int rows, out int columns);
                int l = rows / 2, b = columns / 4;
                double[] extra = JsonInput.Matrix(input, "extra_params", 3, b);
                double[] state = JsonInput.Matrix(input, "state", 2 * l, b);
                double[] sequence = JsonInput.Matrix(input, "sequence", -1, b, out int c, out _);
                double[] all = [.. main, .. extra];
                return References.CentralDifferences(
                    v => Lstm.Objective(v.AsSpan(0, main.Length), v.AsSpan(main.Length), state, sequence, l, c, b), all);
            }

            default:
                throw new ArgumentException($"no derivative for {eval}", nameof(eval));
        }
    }

    /// <summary>The name of each eval's primal and derivative functions.</summary>
    public static (string Primal, string Derivative) Functions(string eval) =>
        eval is "gmm" or "lstm" ? ("objective", "jacobian") : ("primal", "gradient");

    /// <summary>GradBench's own derivative output for the case, flattened as <see cref="Expected"/> is.</summary>
    public static double[] GradBenchs(string eval, JsonObject testCase)
    {
        JsonNode output = testCase[Functions(eval).Derivative]!;
        return eval == "gmm"
            ? new[] { "alpha", "mu", "q", "l" }.SelectMany(key => Fixture.Numbers(output[key])).ToArray()
            : Fixture.Numbers(output);
    }
}
