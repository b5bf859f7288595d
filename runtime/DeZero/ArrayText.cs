using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace DeZero;

/// <summary>numpy's default <c>str()</c> of a float64 array of rank 1 or more (numpy 1.14+ layout, <c>maxprec</c>, precision 8).</summary>
/// <remarks>
/// Follows numpy's arrayprint: one format for all elements chosen from the finite values shown; scientific
/// when the largest magnitude is at least 1e8, the smallest nonzero one below 1e-4, or their ratio above 1e3;
/// otherwise positional with at most 8 digits after the point, integer parts padded left and fractions padded
/// right with spaces; rows wrap at 75 columns; arrays of more than 1000 elements show 3 items per edge and "...".
/// </remarks>
internal static class ArrayText
{
    private const int Precision = 8;
    private const int LineWidth = 75;
    private const int Threshold = 1000;
    private const int EdgeItems = 3;
    private const string Summary = "...";

    public static string Format(ReadOnlySpan<double> data, IReadOnlyList<int> shape)
    {
        if (data.Length == 0)
        {
            return "[]";
        }

        var summarize = data.Length > Threshold;
        var values = data.ToArray();
        var shown = Shown(shape, summarize).Select(offset => values[offset]).ToArray();
        var format = ElementFormat.For(shown);
        var writer = new Writer(values, shape, summarize, format);
        return writer.Recurse(0, 0, " ", LineWidth);
    }

    // The flat offsets numpy looks at to pick the format: every element, or only the edges when summarizing.
    private static List<int> Shown(IReadOnlyList<int> shape, bool summarize)
    {
        var offsets = new List<int> { 0 };
        foreach (var length in shape)
        {
            var next = new List<int>();
            foreach (var offset in offsets)
            {
                foreach (var i in AxisIndices(length, summarize))
                {
                    next.Add((offset * length) + i);
                }
            }

            offsets = next;
        }

        return offsets;
    }

    private static IEnumerable<int> AxisIndices(int length, bool summarize) =>
        summarize && 2 * EdgeItems < length
            ? Enumerable.Range(0, EdgeItems).Concat(Enumerable.Range(length - EdgeItems, EdgeItems))
            : Enumerable.Range(0, length);

    private sealed class Writer(double[] values, IReadOnlyList<int> shape, bool summarize, ElementFormat format)
    {
        // numpy's _formatArray.recurser: offset is the flat offset of the sub-array's first element.
        public string Recurse(int axis, int offset, string hangingIndent, int width)
        {
            if (axis == shape.Count)
            {
                return format.Format(values[offset]);
            }

            var length = shape[axis];
            var stride = 1;
            for (var a = axis + 1; a < shape.Count; a++)
            {
                stride *= shape[a];
            }

            var nextIndent = hangingIndent + " ";
            var nextWidth = width - 1;
            var showSummary = summarize && 2 * EdgeItems < length;
            var leading = showSummary ? EdgeItems : 0;
            var trailing = showSummary ? EdgeItems : length;
            var text = new StringBuilder();

            if (axis == shape.Count - 1)
            {
                // The last axis: elements separated by a space, wrapped before the closing bracket's column.
                var elementWidth = width - 1;
                var line = new StringBuilder(hangingIndent);
                for (var i = 0; i < leading; i++)
                {
                    Extend(text, line, Recurse(axis + 1, offset + (i * stride), nextIndent, nextWidth), elementWidth, hangingIndent);
                    line.Append(' ');
                }

                if (showSummary)
                {
                    Extend(text, line, Summary, elementWidth, hangingIndent);
                    line.Append(' ');
                }

                for (var i = trailing; i > 1; i--)
                {
                    Extend(text, line, Recurse(axis + 1, offset + ((length - i) * stride), nextIndent, nextWidth), elementWidth, hangingIndent);
                    line.Append(' ');
                }

                Extend(text, line, Recurse(axis + 1, offset + ((length - 1) * stride), nextIndent, nextWidth), elementWidth, hangingIndent);
                text.Append(line);
            }
            else
            {
                // Outer axes: one sub-array per line, blank lines between blocks of rank 3 and up.
                var separator = new string('\n', shape.Count - axis - 1);
                for (var i = 0; i < leading; i++)
                {
                    text.Append(hangingIndent).Append(Recurse(axis + 1, offset + (i * stride), nextIndent, nextWidth)).Append(separator);
                }

                if (showSummary)
                {
                    text.Append(hangingIndent).Append(Summary).Append(separator);
                }

                for (var i = trailing; i > 1; i--)
                {
                    text.Append(hangingIndent).Append(Recurse(axis + 1, offset + ((length - i) * stride), nextIndent, nextWidth)).Append(separator);
                }

                text.Append(hangingIndent).Append(Recurse(axis + 1, offset + ((length - 1) * stride), nextIndent, nextWidth));
            }

            return "[" + text.ToString(hangingIndent.Length, text.Length - hangingIndent.Length) + "]";
        }

        // numpy's _extendLine: wrap unless the line holds nothing but its indent.
        private static void Extend(StringBuilder text, StringBuilder line, string word, int width, string nextIndent)
        {
            if (line.Length + word.Length > width && line.Length > nextIndent.Length)
            {
                text.Append(line.ToString().TrimEnd()).Append('\n');
                line.Clear().Append(nextIndent);
            }

            line.Append(word);
        }
    }

    // numpy's FloatingFormat in maxprec mode: fillFormat, then __call__.
    private sealed class ElementFormat
    {
        private bool _scientific;
        private int _padLeft;
        private int _padRight;
        private int _fractionDigits;
        private int _exponentDigits;

        public static ElementFormat For(double[] shown)
        {
            var format = new ElementFormat();
            var finite = shown.Where(double.IsFinite).ToArray();
            var nonZero = finite.Where(v => v != 0.0).Select(Math.Abs).ToArray();
            if (nonZero.Length > 0)
            {
                var max = nonZero.Max();
                var min = nonZero.Min();
                format._scientific = max >= 1e8 || min < 1e-4 || max / min > 1e3;
            }

            if (finite.Length > 0 && format._scientific)
            {
                var parts = finite.Select(v => Scientific(v)).ToArray();
                format._fractionDigits = parts.Max(p => p.Fraction.Length);
                format._exponentDigits = parts.Max(p => Math.Max(2, Math.Abs(p.Exponent).ToString(System.Globalization.CultureInfo.InvariantCulture).Length));
                format._padLeft = parts.Max(p => p.Integer.Length);
                format._padRight = format._exponentDigits + 2 + format._fractionDigits;
            }
            else if (finite.Length > 0)
            {
                var parts = finite.Select(Positional).ToArray();
                format._padLeft = parts.Max(p => p.Integer.Length);
                format._padRight = parts.Max(p => p.Fraction.Length);
            }

            if (finite.Length != shown.Length)
            {
                // Room for "nan", "inf" or "-inf" right-aligned in the common width.
                var infLength = shown.Any(double.IsNegativeInfinity) ? 4 : 3;
                var offset = format._padRight + 1;
                format._padLeft = Math.Max(format._padLeft, Math.Max(3 - offset, infLength - offset));
            }

            return format;
        }

        public string Format(double value)
        {
            if (!double.IsFinite(value))
            {
                return FloatText.NonFinite(value).PadLeft(_padLeft + _padRight + 1);
            }

            if (_scientific)
            {
                var (integer, fraction, exponent) = Scientific(value, _fractionDigits);
                return integer.PadLeft(_padLeft) + "." + fraction + "e" + FloatText.Exponent(exponent, _exponentDigits);
            }

            var (i, f) = Positional(value);
            return i.PadLeft(_padLeft) + "." + f.PadRight(_padRight);
        }

        // Shortest digits, cut to at most 8 after the point; "1.", "-0.5", "0.33333333".
        private static (string Integer, string Fraction) Positional(double value)
        {
            var (negative, digits, point) = FloatText.RoundedFixed(value, Precision);
            var (integer, fraction) = FloatText.Positional(digits, point);
            return ((negative ? "-" : string.Empty) + integer, digits == "0" ? string.Empty : fraction);
        }

        // Shortest digits, cut to at most 1 + 8 significant; "1.5" and exponent -5 for 1.5e-05.
        private static (string Integer, string Fraction, int Exponent) Scientific(double value) =>
            Scientific(value, 0);

        // As above, but with at least minFraction digits after the point. Like numpy's min_digits they are
        // the value's own further digits: zeros for a normal double, but 4.94065646e-324 for the subnormal 5e-324.
        private static (string Integer, string Fraction, int Exponent) Scientific(double value, int minFraction)
        {
            var (negative, digits, point) = FloatText.RoundedSignificant(value, Precision + 1);
            if (digits.Length - 1 < minFraction && digits != "0")
            {
                (negative, digits, point) = FloatText.RoundedSignificant(value, minFraction + 1, exact: true);
            }

            var exponent = digits == "0" ? 0 : point - 1;
            return ((negative ? "-" : string.Empty) + digits[0], digits[1..].PadRight(minFraction, '0'), exponent);
        }
    }
}
