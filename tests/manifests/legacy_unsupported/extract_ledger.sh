echo extract
