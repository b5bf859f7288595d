using System.Text;

namespace DeZero.Generators.Emitting;

/// <summary>Writes indented C# text with <c>\n</c> line ends, whatever the machine.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _text = new();
    private int _indent;

    public void WriteLine(string line = "")
    {
        foreach (var part in line.Split('\n'))
        {
            if (part.Length > 0)
            {
                _text.Append(' ', _indent * 4);
            }

            _text.Append(part).Append('\n');
        }
    }

    public void OpenBlock(string header)
    {
        WriteLine(header);
        WriteLine("{");
        _indent++;
    }

    public void CloseBlock(string suffix = "")
    {
        Unindent();
        WriteLine("}" + suffix);
    }

    public void Indent() => _indent++;

    public void Unindent() => _indent = _indent > 0 ? _indent - 1 : throw new System.InvalidOperationException("Unindented below 0");

    /// <summary>The text written; every block opened must have been closed.</summary>
    public override string ToString() =>
        _indent == 0 ? _text.ToString() : throw new System.InvalidOperationException($"Indentation ends at {_indent}, not 0: a block was left open or closed twice");
}
