using System;
using System.Globalization;
using DeZero;

namespace DeZero.Samples;

/// <summary>
/// Arrays in, gradient out: logistic regression fitted by gradient descent, once with the generated
/// <c>LogisticLossWithGradient</c> (no graph) and once with the generated graph node, as the book's step 42 fits its
/// linear regression.
/// </summary>
internal static partial class LogisticRegression
{
    private const int Points = 100;
    private const int Features = 2;
    private const double LearningRate = 0.5;
    private const int Iterations = 100;

    /// <summary>
    /// The mean logistic loss (1/n) Σᵢ log(1 + exp(-yᵢ (w·xᵢ + b))) of labels ±1, the points the rows of the flattened
    /// n × <c>w.Length</c> matrix <paramref name="xs"/>. The points and labels are data: no gradient for them.
    /// </summary>
    [Differentiable]
    public static double Loss(ReadOnlySpan<double> w, double b, [NoDerivative] ReadOnlySpan<double> xs, [NoDerivative] ReadOnlySpan<double> ys)
    {
        double loss = 0;
        for (int i = 0; i < ys.Length; i++)
        {
            double z = b;
            for (int j = 0; j < w.Length; j++)
            {
                z += w[j] * xs[i * w.Length + j];
            }

            loss += Math.Log(1 + Math.Exp(-ys[i] * z));
        }

        return loss / ys.Length;
    }

    /// <summary>Fits the same data twice, printing both losses side by side as they fall.</summary>
    public static void FitBothWays()
    {
        var (xs, ys) = Data();
        Console.WriteLine($"{Points} points, {Features} features, labels +1 around (1, 1) and -1 around (-1, -1), from Random(42)");
        Console.WriteLine("iteration  LossWithGradient  graph node");

        // 1. No graph: the value and the gradient written into arrays we own, reused every step.
        double[] w1 = new double[Features];
        double b1 = 0;
        double[] dW = new double[Features];

        // 2. The graph, as the book's step 42: one node for the whole loss; its gradients land in w2.Grad and b2.Grad.
        var w2 = new Variable(new NDArray(new double[Features]));
        var b2 = new Variable(0.0);
        var xArray = new NDArray(xs, Points, Features);
        var yArray = new NDArray(ys);

        bool same = true;
        for (int iteration = 0; iteration <= Iterations; iteration++)
        {
            double loss1 = LossWithGradient(w1, b1, xs, ys, dW, out double dB);

            Variable loss2 = Loss(w2, b2, xArray, yArray);
            loss2.Backward();

            same &= loss1 == loss2.Data.Item();
            if (iteration % 20 == 0)
            {
                Console.WriteLine($"{iteration,9}  {F(loss1),16}  {F(loss2.Data.Item()),10}");
            }

            if (iteration == Iterations)
            {
                break;
            }

            for (int j = 0; j < Features; j++)
            {
                w1[j] -= LearningRate * dW[j];
            }

            b1 -= LearningRate * dB;

            w2.Data = w2.Data - LearningRate * w2.Grad!;
            b2.Data = b2.Data - LearningRate * b2.Grad!;
            w2.ClearGrad();
            b2.ClearGrad();
        }

        Console.WriteLine($"w = ({F(w1[0])}, {F(w1[1])}), b = {F(b1)}; {Correct(w1, b1, xs, ys)} of {Points} points on the right side");
        same &= w1[0] == w2.Data[0] && w1[1] == w2.Data[1] && b1 == b2.Data.Item();
        Console.WriteLine($"both ways give the same numbers, bit for bit: {same}");
    }

    /// <summary>Two Gaussian clouds of unit spread, one per label, interleaved.</summary>
    private static (double[] Xs, double[] Ys) Data()
    {
        var random = new Random(42);
        var xs = new double[Points * Features];
        var ys = new double[Points];
        for (int i = 0; i < Points; i++)
        {
            ys[i] = i % 2 == 0 ? 1 : -1;
            for (int j = 0; j < Features; j++)
            {
                // Box-Muller: a standard normal from two uniforms.
                double normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                xs[i * Features + j] = ys[i] + normal;
            }
        }

        return (xs, ys);
    }

    private static int Correct(double[] w, double b, double[] xs, double[] ys)
    {
        int correct = 0;
        for (int i = 0; i < Points; i++)
        {
            double z = b + w[0] * xs[i * Features] + w[1] * xs[i * Features + 1];
            correct += z * ys[i] > 0 ? 1 : 0;
        }

        return correct;
    }

    // Six decimals: the sample's output is compared exactly, and the last bits of Exp and Log may differ between C libraries.
    private static string F(double value) => value.ToString("F6", CultureInfo.InvariantCulture);
}
