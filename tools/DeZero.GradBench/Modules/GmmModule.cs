using System.Collections.Generic;
using System.Text.Json;
using DeZero.GradBench.Evals;
using DeZero.GradBench.Protocol;

namespace DeZero.GradBench.Modules;

/// <summary>
/// <c>gmm</c>: <c>objective</c> is <see cref="Gmm.Objective"/>; <c>jacobian</c> its gradient in <c>alpha</c>, <c>mu</c>,
/// <c>q</c> and <c>l</c>, answered as <c>{"alpha":[k],"mu":[k][d],"q":[k][d],"l":[k][d(d-1)/2]}</c>.
/// </summary>
internal sealed class GmmModule : Module
{
    /// <inheritdoc/>
    public override string Name => "gmm";

    /// <inheritdoc/>
    public override IReadOnlyList<string> Functions { get; } = ["objective", "jacobian"];

    /// <inheritdoc/>
    public override string WarmInput => """
        {"d":2,"k":2,"n":3,"m":0,"gamma":1.0,"alpha":[0.1,-0.2],"mu":[[0.1,0.2],[0.3,0.4]],
         "q":[[0.1,-0.1],[0.2,0.0]],"l":[[0.5],[-0.5]],"x":[[1.0,2.0],[0.5,-0.5],[-1.0,0.25]]}
        """;

    /// <inheritdoc/>
    protected override PreparedCall PrepareKnown(string function, JsonElement input)
    {
        int d = JsonInput.Int(input, "d", 1);
        int k = JsonInput.Int(input, "k", 1);
        int n = JsonInput.Int(input, "n", 0);
        int m = JsonInput.Int(input, "m", 0);
        double gamma = JsonInput.Double(input, "gamma");
        double[] alpha = JsonInput.Vector(input, "alpha", k);
        double[] mu = JsonInput.Matrix(input, "mu", k, d);
        double[] q = JsonInput.Matrix(input, "q", k, d);
        double[] l = JsonInput.Matrix(input, "l", k, d * (d - 1) / 2);
        double[] x = JsonInput.Matrix(input, "x", n, d);
        if (function == "jacobian")
        {
            double[] dAlpha = new double[alpha.Length], dMu = new double[mu.Length], dQ = new double[q.Length], dL = new double[l.Length];
            return new PreparedCall(
                () => Gmm.ObjectiveWithGradient(alpha, mu, q, l, x, d, k, n, gamma, m, dAlpha, dMu, dQ, dL),
                w => WriteJacobian(w, k, dAlpha, dMu, dQ, dL));
        }

        double result = 0;
        return new PreparedCall(() => result = Gmm.Objective(alpha, mu, q, l, x, d, k, n, gamma, m), w => JsonOutput.Number(w, result));
    }

    /// <summary>The <c>jacobian</c> output: each array as the input field it is the gradient of, keys as GradBench's.</summary>
    internal static void WriteJacobian(Utf8JsonWriter writer, int k, double[] dAlpha, double[] dMu, double[] dQ, double[] dL)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("alpha");
        JsonOutput.Vector(writer, dAlpha);
        writer.WritePropertyName("mu");
        JsonOutput.Matrix(writer, dMu, k);
        writer.WritePropertyName("q");
        JsonOutput.Matrix(writer, dQ, k);
        writer.WritePropertyName("l");
        JsonOutput.Matrix(writer, dL, k);
        writer.WriteEndObject();
    }
}
