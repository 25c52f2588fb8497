echo "connecting with password=do-not-show-me"
