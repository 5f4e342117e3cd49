/// The page's only stylesheet, served from the program (no fonts or scripts from the network).
enum Style {
    /// Background colours for sectors, in the order sectors first appear in employers.csv.
    static let sectorColours = ["#cfe8ff", "#ffe0b3", "#d6f5d6", "#f9d0e0", "#e6dcff", "#fff3b0", "#c9f0ee", "#ffd6cc", "#e0e0e0", "#dff0c0",
                                "#b3d9ff", "#ffccf2"]

    static let css = """
        body { font-family: system-ui, sans-serif; margin: 0; color: #1a1a1a; background: #fafafa; }
        header { background: #23395d; padding: .6em 1em; }
        header a.home { color: white; font-weight: bold; text-decoration: none; }
        main { padding: 1em 1.5em; }
        h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 1.5em; }
        table { border-collapse: collapse; background: white; }
        th, td { border: 1px solid #ccc; padding: .25em .5em; text-align: left; vertical-align: top; }
        th { background: #eef1f5; }
        .grid td { font-size: .85em; min-width: 9em; }
        .unplaced-cell { background: #ffd9d9; font-weight: bold; }
        .badge { display: inline-block; font-size: .75em; border-radius: .6em; padding: 0 .45em; margin-left: .2em; background: #23395d; color: white; }
        .badge.needs { background: #7a4b00; }
        .problem { color: #8a0000; }
        .ok { color: #0a6b2a; }
        .note { color: #555; font-size: .9em; }
        form.inline { display: inline; }
        button, .button { font-size: 1em; padding: .35em .9em; border-radius: .3em; border: 1px solid #23395d; background: #23395d; color: white; cursor: pointer; text-decoration: none; }
        button.secondary { background: white; color: #23395d; }
        fieldset { border: 1px solid #ccc; background: white; margin: .5em 0; }
        label { margin-right: 1em; }
        progress { width: 20em; }
        pre.file { background: white; border: 1px solid #ccc; padding: .5em; overflow-x: auto; }
        pre.file span:target { background: #fff3b0; }
        .legend span { display: inline-block; padding: .1em .5em; margin: .1em; border: 1px solid #ccc; }
        \(sectorColours.enumerated().map { ".sector-\($0.offset) { background: \($0.element); }" }.joined(separator: "\n"))
        body.print { background: white; }
        body.print main { padding: 0; }
        @media print { header, form, .noprint { display: none; } body { background: white; } }

        """
}
