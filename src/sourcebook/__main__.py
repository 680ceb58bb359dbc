from sourcebook.cli.main import main

raise SystemExit(main())
