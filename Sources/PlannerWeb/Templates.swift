/// Every Mustache template the page uses, by name (each page's own template lives in its view file).
enum Templates {
    static let all: [String: String] = [
        "layout": layout,
        "error": "<h1>Cannot do that</h1><p class=\"problem\">{{message}}</p><p><a href=\"/\">Back to the start page</a></p>",
        "overview": OverviewView.template,
        "job": JobView.template,
        "workspaceFile": WorkspaceFileView.template,
        "year": YearView.template,
        "student": StudentView.template,
        "employer": EmployerView.template,
        "staff": StaffView.template,
        "whatif": WhatIfView.template,
        "compare": CompareView.template,
        "versionHeader": ViewHelpers.versionHeaderTemplate,
        "whatIfForm": WhatIfView.formTemplate,
    ]

    static let layout = """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        {{#refresh}}<meta http-equiv="refresh" content="{{refresh}}">{{/refresh}}
        <title>{{title}} · Placement Planner</title>
        <link rel="stylesheet" href="/static/style.css">
        </head>
        <body{{#print}} class="print"{{/print}}>
        {{^print}}<header><a class="home" href="/">Placement Planner</a></header>{{/print}}
        <main>
        {{{body}}}
        </main>
        </body>
        </html>

        """
}
