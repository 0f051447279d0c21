print("adops")
